# FLINT (Debian's libflint-dev ships no pkg-config file or CMake package): defines the
# imported target FLINT::FLINT, with GMP (PkgConfig::GMP) as its dependency.
find_path(FLINT_INCLUDE_DIR flint/fmpq_mpoly.h)
find_library(FLINT_LIBRARY flint)
# Arb (Debian's libflint-arb-dev), FLINT's ball arithmetic: FLINT::ARB.
find_path(ARB_INCLUDE_DIR arb_fmpz_poly.h)
find_library(ARB_LIBRARY flint-arb)
include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(FLINT REQUIRED_VARS FLINT_LIBRARY FLINT_INCLUDE_DIR ARB_LIBRARY
                                  ARB_INCLUDE_DIR)
if(FLINT_FOUND AND NOT TARGET FLINT::FLINT)
  add_library(FLINT::FLINT UNKNOWN IMPORTED)
  # Its headers include each other without the flint/ prefix.
  set_target_properties(FLINT::FLINT PROPERTIES
    IMPORTED_LOCATION "${FLINT_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${FLINT_INCLUDE_DIR};${FLINT_INCLUDE_DIR}/flint"
    INTERFACE_LINK_LIBRARIES PkgConfig::GMP)
endif()
if(FLINT_FOUND AND NOT TARGET FLINT::ARB)
  add_library(FLINT::ARB UNKNOWN IMPORTED)
  set_target_properties(FLINT::ARB PROPERTIES
    IMPORTED_LOCATION "${ARB_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${ARB_INCLUDE_DIR}"
    INTERFACE_LINK_LIBRARIES "FLINT::FLINT;PkgConfig::MPFR")
endif()

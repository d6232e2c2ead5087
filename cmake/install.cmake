# `cmake --install build --prefix P`: the CLI in P/bin (and P/libexec/leibniz); the library leibniz::leibniz
# (static libraries of the layers it stands on), <leibniz/leibniz.h> with the headers it
# includes, and the CMake package in P/lib/cmake/leibniz (examples/cpp uses it).
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(leibniz_library_layers leibniz_lib leibniz_app leibniz_graph leibniz_nn leibniz_optim leibniz_tensor
    leibniz_io leibniz_numeric leibniz_calculus leibniz_eval leibniz_expr leibniz_core)
install(TARGETS ${leibniz_library_layers} EXPORT leibnizTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS leibniz RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# The binary `leibniz` becomes for `serve` and `mpirun … train` (leibniz/cli/doors.h).
install(TARGETS leibniz-doors RUNTIME DESTINATION ${CMAKE_INSTALL_LIBEXECDIR}/leibniz)
# The public header and the two it includes (Error; Expr and its node): the standard
# library only, no GMP, fmt or nlohmann/json (install_example checks it).
install(FILES leibniz/leibniz.h DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/leibniz)
install(FILES leibniz/core/error.h DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/leibniz/core)
install(FILES leibniz/expr/expr_node.h DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/leibniz/expr)

set(package_dir ${CMAKE_INSTALL_LIBDIR}/cmake/leibniz)
install(EXPORT leibnizTargets NAMESPACE leibniz:: DESTINATION ${package_dir})
configure_package_config_file(cmake/leibnizConfig.cmake.in
                              ${PROJECT_BINARY_DIR}/leibnizConfig.cmake
                              INSTALL_DESTINATION ${package_dir})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/leibnizConfigVersion.cmake
                                 COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/leibnizConfig.cmake
              ${PROJECT_BINARY_DIR}/leibnizConfigVersion.cmake cmake/FindFLINT.cmake
        DESTINATION ${package_dir})

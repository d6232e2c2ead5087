# The CTest test install_example: installs the build into PREFIX, checks that the
# installed <leibniz/leibniz.h> compiles on its own without pulling in GMP, fmt or
# nlohmann/json, builds examples/cpp against the install as an outside project would, runs
# it and compares what it prints with examples/cpp/expected.txt, and checks that the
# installed CLI finds its second binary.
# cmake -DBUILD=… -DSOURCE=… -DPREFIX=… -DWORK=… -DCXX=… -DBUILD_TYPE=… [-DLAUNCHER=…] -P …
function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "failed (${status}): ${ARGN}\n${out}\n${err}")
  endif()
  set(output "${out}" PARENT_SCOPE)
endfunction()

file(REMOVE_RECURSE ${PREFIX} ${WORK})
run(${CMAKE_COMMAND} --install ${BUILD} --prefix ${PREFIX})

file(MAKE_DIRECTORY ${WORK})
file(WRITE ${WORK}/header_alone.cpp [=[
#include <leibniz/leibniz.h>
#if defined(__GMP_H__) || defined(__GMP_PLUSPLUS__) || defined(FMT_VERSION) || \
    defined(INCLUDE_NLOHMANN_JSON_HPP_)
#error "<leibniz/leibniz.h> pulls in GMP, fmt or nlohmann/json"
#endif
leibniz::Expr copied(const leibniz::Expr& e) { return e; }
]=])
run(${CXX} -std=c++20 -fsyntax-only -I${PREFIX}/include ${WORK}/header_alone.cpp)
run(${CMAKE_COMMAND} -S ${SOURCE}/examples/cpp -B ${WORK} -G Ninja -DCMAKE_PREFIX_PATH=${PREFIX}
    -DCMAKE_CXX_COMPILER=${CXX} -DCMAKE_CXX_COMPILER_LAUNCHER=${LAUNCHER} -DCMAKE_BUILD_TYPE=${BUILD_TYPE})
run(${CMAKE_COMMAND} --build ${WORK})
run(${WORK}/calculus)
file(READ ${SOURCE}/examples/cpp/expected.txt expected)
if(NOT output STREQUAL expected)
  message(FATAL_ERROR "examples/cpp printed\n${output}\ninstead of\n${expected}")
endif()
# The installed CLI finds leibniz-doors in libexec (leibniz/cli/doors_by_exec.cpp):
# a host that does not exist is refused by leibniz-doors's server, after the exec.
execute_process(COMMAND ${PREFIX}/bin/leibniz serve --host 256.1.1.1 --port 0
                RESULT_VARIABLE status ERROR_VARIABLE err)
if(NOT err MATCHES "cannot listen on 256.1.1.1")
  message(FATAL_ERROR "the installed leibniz did not reach leibniz-doors: ${err}")
endif()
message(STATUS "examples/cpp built against the installed package and printed what it should")

# The CTest test install_example: installs the build into PREFIX, builds examples/cpp
# against it as an outside project would, runs it and compares what it prints with
# examples/cpp/expected.txt.
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
run(${CMAKE_COMMAND} -S ${SOURCE}/examples/cpp -B ${WORK} -G Ninja -DCMAKE_PREFIX_PATH=${PREFIX}
    -DCMAKE_CXX_COMPILER=${CXX} -DCMAKE_CXX_COMPILER_LAUNCHER=${LAUNCHER} -DCMAKE_BUILD_TYPE=${BUILD_TYPE})
run(${CMAKE_COMMAND} --build ${WORK})
run(${WORK}/calculus)
file(READ ${SOURCE}/examples/cpp/expected.txt expected)
if(NOT output STREQUAL expected)
  message(FATAL_ERROR "examples/cpp printed\n${output}\ninstead of\n${expected}")
endif()
message(STATUS "examples/cpp built against the installed package and printed what it should")

// `leibniz train` in a leibniz-doors built where CMake found no MPI (doors.h): one
// process trains alone; several started by mpirun are refused, since each would train
// the whole model by itself.
#include "leibniz/cli/doors.h"
#include "leibniz/core/error.h"

namespace leibniz::cli {

std::unique_ptr<MpirunProcess> join_mpirun() {
  if (mpirun_processes() > 1) {
    throw Error(ErrorKind::Unsupported,
                "this leibniz was built without MPI (CMake found none; on Debian install "
                "libopenmpi-dev and rebuild), so training is single-process only: run it "
                "without mpirun");
  }
  return nullptr;
}

}  // namespace leibniz::cli

#include "leibniz/mpi/mpi_session.h"

#include <fmt/format.h>
#include <mpi.h>

#include <climits>

#include "leibniz/core/error.h"

namespace leibniz::mpi {
namespace {

[[noreturn]] void fail(const char* call, int code) {
  char text[MPI_MAX_ERROR_STRING] = {};
  int length = 0;
  MPI_Error_string(code, text, &length);
  throw Error(ErrorKind::Internal,
              fmt::format("{} failed ({}): another process of the run may have stopped", call,
                          std::string(text, static_cast<std::size_t>(length))));
}

}  // namespace

MpiSession::MpiSession() {
  int code = MPI_Init(nullptr, nullptr);
  if (code != MPI_SUCCESS) fail("MPI_Init", code);
  MPI_Comm_set_errhandler(MPI_COMM_WORLD, MPI_ERRORS_RETURN);
  MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
  MPI_Comm_size(MPI_COMM_WORLD, &size_);
}

MpiSession::~MpiSession() {
  if (finished_) MPI_Finalize();
}

void MpiSession::sum(std::span<double> values) {
  // In chunks of at most INT_MAX values, MPI's count type.
  for (std::size_t at = 0; at < values.size(); at += INT_MAX) {
    const int count = static_cast<int>(std::min<std::size_t>(INT_MAX, values.size() - at));
    int code =
        MPI_Allreduce(MPI_IN_PLACE, values.data() + at, count, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD);
    if (code != MPI_SUCCESS) fail("MPI_Allreduce", code);
  }
}

}  // namespace leibniz::mpi

// `mpirun -np N leibniz train` in leibniz-doors (doors.h), built when CMake finds MPI.
#include "leibniz/cli/doors.h"
#include "leibniz/mpi/mpi_session.h"

namespace leibniz::cli {
namespace {

class MpiProcess final : public MpirunProcess {
 public:
  int rank() const override { return session_.rank(); }
  int size() const override { return session_.size(); }
  void sum(std::span<double> values) override { session_.sum(values); }
  void finish() override { session_.finish(); }

 private:
  mpi::MpiSession session_;
};

}  // namespace

std::unique_ptr<MpirunProcess> join_mpirun() {
  if (mpirun_processes() == 0) return nullptr;
  return std::make_unique<MpiProcess>();
}

}  // namespace leibniz::cli

#include "leibniz/app/render.h"

#include "leibniz/expr/print.h"

namespace leibniz::app {

std::string show(const Expr& e, Notation notation) {
  switch (notation) {
    case Notation::Latex: return print_latex(e);
    case Notation::Unicode: return print_unicode(e);
    case Notation::Text: break;
  }
  return print_text(e);
}

}  // namespace leibniz::app

// compiler/ast_dump.h — the syntax tree of ast.h as compact S-expressions.
//
// Used by the parser's unit tests (tests/unit/parser.test.cpp) and by
// `vb --dump-ast`. One top-level statement per line, for example
//
//   (let (tuple a b) (call f 1 (+ x 2)))
//   (fn add (a (b = 1) ...rest) (block (+ a b)))
//
// Leaves print as in source (names, 42, 1.5, "text", :sym, nil), operators by their
// spelling ((- x) is negation, (- a b) subtraction), other nodes by a keyword.
#pragma once

#include <string>

#include "compiler/ast.h"

namespace vb::compiler {

std::string dump_ast(const Module& module);
std::string dump_expr(const Expr& expr);
std::string dump_pattern(const Pattern& pattern);

}  // namespace vb::compiler

// compiler/parser.h — vb tokens to the syntax tree of ast.h.
//
// A Pratt parser: how each token parses in prefix and infix position, and how tightly
// it binds, comes from tokens.def; statements, blocks and patterns are parsed by
// recursive descent around it. Input is the module's source (lexed by lexer.cpp); the
// tree goes to the resolver and codegen. Errors go to Diagnostics, and the parser
// recovers at the next statement boundary, so one run reports several independent
// errors; a statement with an error is left out of the tree.
//
// Locations: a node built from an operator (binary, range, call, index, field,
// assignment) is located at that operator, the `(` of a call or the `[` of an index,
// so that a runtime error there points at the operation; other nodes at their first
// token.
#pragma once

#include "compiler/ast.h"
#include "compiler/diagnostics.h"

namespace vb::compiler {

// Parses [module].source (module.path and module.source are set by the caller) and
// fills module.stmts. Returns !diagnostics.has_errors(). Sets diagnostics.incomplete
// when the first error is that the input ended inside an open construct.
bool parse_module(Module& module, Diagnostics& diagnostics);

// How many levels of nesting (brackets, blocks, operators on one operand) the parser
// accepts before it reports an error instead of risking the C++ stack.
constexpr int kMaxNesting = 500;

}  // namespace vb::compiler

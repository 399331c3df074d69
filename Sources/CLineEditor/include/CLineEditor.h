#ifndef CLINEEDITOR_H
#define CLINEEDITOR_H
// Fixed-arity wrappers for libedit's C-variadic functions (being built).
#endif

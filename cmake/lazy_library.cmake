# Writes the trampolines that let an executable load a shared library on its first call
# into it instead of at start-up (leibniz/cli/lazy_library.cpp says why and how). Run at
# build time: cmake -DLIBRARY=<the .so> -DPREFIX=<symbol prefix> -DOUTPUT=<file.S>
#   -P lazy_library.cmake
# Every function the library exports gets a trampoline of the same name, which jumps
# through a table; each entry starts at the function's first-call entry, which resolves
# it, writes the table and jumps there. Only functions are covered: an executable that
# uses one of the library's variables still needs the library at start-up
# (tests/cli/startup_libraries.sh checks that it does not).
execute_process(COMMAND objdump -p ${LIBRARY} OUTPUT_VARIABLE headers COMMAND_ERROR_IS_FATAL ANY)
string(REGEX MATCH "SONAME +([^\n ]+)" _ ${headers})
set(soname ${CMAKE_MATCH_1})
execute_process(COMMAND nm -D --defined-only ${LIBRARY} OUTPUT_VARIABLE symbols
                COMMAND_ERROR_IS_FATAL ANY)
string(REGEX MATCHALL "[0-9a-f]+ T [A-Za-z_][A-Za-z0-9_]*" functions "${symbols}")

set(trampolines "")
set(first_calls "")
set(table "")
set(names "")
set(offsets "")
set(index 0)
set(offset 0)
foreach(line ${functions})
  string(REGEX REPLACE "^[0-9a-f]+ T " "" name ${line})
  string(APPEND trampolines "  .globl ${name}\n  .type ${name}, @function\n${name}:\n"
         "  jmp *${PREFIX}_table+${index}*8(%rip)\n")
  string(APPEND first_calls "${PREFIX}_first_call_${index}:\n  pushq $${index}\n  jmp ${PREFIX}_resolve\n")
  string(APPEND table "  .quad ${PREFIX}_first_call_${index}\n")
  string(APPEND names "  .asciz \"${name}\"\n")
  string(APPEND offsets "  .long ${offset}\n")
  string(LENGTH ${name} length)
  math(EXPR offset "${offset} + ${length} + 1")
  math(EXPR index "${index} + 1")
endforeach()

# The first-call entry pushed the function's index over the return address. Every
# register a call may pass arguments in is saved around the resolver and restored before
# the jump, so the function sees its call as made. The stack is 16-byte aligned at the call.
file(WRITE ${OUTPUT} "# Written by cmake/lazy_library.cmake from ${LIBRARY}: do not edit.
  .section .note.GNU-stack,\"\",@progbits
  .text
${trampolines}${first_calls}${PREFIX}_resolve:
  pushq %rdi
  pushq %rsi
  pushq %rdx
  pushq %rcx
  pushq %r8
  pushq %r9
  pushq %rax
  subq $136, %rsp
  movdqu %xmm0, 0(%rsp)
  movdqu %xmm1, 16(%rsp)
  movdqu %xmm2, 32(%rsp)
  movdqu %xmm3, 48(%rsp)
  movdqu %xmm4, 64(%rsp)
  movdqu %xmm5, 80(%rsp)
  movdqu %xmm6, 96(%rsp)
  movdqu %xmm7, 112(%rsp)
  movq 192(%rsp), %rdi
  leaq ${PREFIX}_soname(%rip), %rsi
  leaq ${PREFIX}_names(%rip), %rdx
  leaq ${PREFIX}_offsets(%rip), %rcx
  leaq ${PREFIX}_table(%rip), %r8
  call leibniz_lazy_resolve
  movq %rax, %r11
  movdqu 0(%rsp), %xmm0
  movdqu 16(%rsp), %xmm1
  movdqu 32(%rsp), %xmm2
  movdqu 48(%rsp), %xmm3
  movdqu 64(%rsp), %xmm4
  movdqu 80(%rsp), %xmm5
  movdqu 96(%rsp), %xmm6
  movdqu 112(%rsp), %xmm7
  addq $136, %rsp
  popq %rax
  popq %r9
  popq %r8
  popq %rcx
  popq %rdx
  popq %rsi
  popq %rdi
  addq $8, %rsp
  jmp *%r11

  .data
  .balign 8
${PREFIX}_table:
${table}
  .section .rodata
${PREFIX}_soname:
  .asciz \"${soname}\"
${PREFIX}_names:
${names}  .balign 4
${PREFIX}_offsets:
${offsets}")

# cmake/embed.cmake: turns a file into a C array constant (text files: a
# string; binary files: the bytes, then a NUL that _len leaves out).
# Usage: cmake -DINPUT=file -DOUTPUT=file.c -DSYMBOL=name -P embed.cmake
file(READ "${INPUT}" hex HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," hex "${hex}")
file(WRITE "${OUTPUT}"
  "/* Generated from ${INPUT} by cmake/embed.cmake; do not edit. */\n"
  "#include <stddef.h>\n"
  "const char ${SYMBOL}[] = {${hex} 0x00};\n"
  "const size_t ${SYMBOL}_len = sizeof ${SYMBOL} - 1;\n")

# hemicycle_embed_text(<var> <data file> <template.cc.in> <output.cc>)
# Compiles a data file in as a string constant, so that the binaries need no data path: reads
# the data file into <var>, configures the template (@<var>@ is the file's text) into the
# output, and makes CMake run again when the data file changes.
include_guard(GLOBAL)

function(hemicycle_embed_text var data template output)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${data})
  file(READ ${data} ${var})
  configure_file(${template} ${output} @ONLY)
endfunction()

# Writes one JavaScript file made of several, inside one function scope: what they declare
# is shared between them and adds no global to the page that loads the result.
# Run as: cmake -DOUTPUT=out.js -DPARTS="/abs/a.js|/abs/b.js" -P bundle_js.cmake
string(REPLACE "|" ";" PARTS "${PARTS}")
set(names "")
foreach(part IN LISTS PARTS)
  get_filename_component(name "${part}" NAME)
  list(APPEND names "${name}")
endforeach()
list(JOIN names " + " joined)
set(body "// Built from server/web/ (${joined}) by cmake/bundle_js.cmake: do not edit.\n(() => {\n")
foreach(part IN LISTS PARTS)
  file(READ "${part}" text)
  string(APPEND body "${text}")
endforeach()
string(APPEND body "})();\n")
file(WRITE "${OUTPUT}.tmp" "${body}")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")

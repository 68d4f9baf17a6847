# install_gzipped(FILE DESTINATION [NAME]) installs FILE in DESTINATION as
# NAME.gz (FILE's own name by default), compressed by gzip -9n: the most
# compression, as Debian wants for manual pages and changelogs, and no
# file name or time in the header, so the same file always gives the same
# bytes.
include_guard(GLOBAL)
find_program(GZIP gzip REQUIRED)

function(install_gzipped file destination)
  get_filename_component(name ${file} NAME)
  if(ARGC GREATER 2)
    set(name ${ARGV2})
  endif()
  set(copy ${CMAKE_CURRENT_BINARY_DIR}/${name})
  add_custom_command(OUTPUT ${copy}.gz
    COMMAND ${CMAKE_COMMAND} -E copy ${file} ${copy}
    COMMAND ${GZIP} -9nf ${copy}
    DEPENDS ${file}
    VERBATIM)
  add_custom_target(gzip-${name} ALL DEPENDS ${copy}.gz)
  install(FILES ${copy}.gz DESTINATION ${destination})
endfunction()

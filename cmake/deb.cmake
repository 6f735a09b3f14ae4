# cmake/deb.cmake: the Debian package, `cpack -G DEB` in a build configured
# by packaging/build-deb.sh (prefix /usr, BAOCAO_BUNDLE_FONTS=OFF,
# BAOCAO_DEBIAN=ON): Depends from dpkg-shlibdeps plus fonts-liberation2 and
# the packages of libqpdf and libzip (loaded, not linked),
# the stripped binary and signing module, /usr/share/doc/baocao/{copyright,changelog.Debian.gz}.
set(BC_DEB_MAINTAINER
    "baocao maintainers <maintainers@users.noreply.b-seed-332f29a4.example>"
    CACHE STRING "Maintainer of the Debian package")
set(BC_DEB_RELEASE 1 CACHE STRING "Debian revision of the package")

if(BAOCAO_DEBIAN)
  # The changelog's date: SOURCE_DATE_EPOCH when set (string(TIMESTAMP)
  # reads it), so the package builds reproducibly.
  string(TIMESTAMP BC_DEB_DATE "%a, %d %b %Y %H:%M:%S +0000" UTC)
  set(BC_DEB_VERSION ${PROJECT_VERSION}-${BC_DEB_RELEASE})
  configure_file(${CMAKE_SOURCE_DIR}/packaging/debian/changelog.in
                 ${CMAKE_BINARY_DIR}/debian/changelog.Debian @ONLY)
  find_program(GZIP_PROGRAM gzip REQUIRED)
  # -n: no name or time in the header; -9 as dh_compress.
  execute_process(COMMAND ${GZIP_PROGRAM} -9nf
                          ${CMAKE_BINARY_DIR}/debian/changelog.Debian
                  RESULT_VARIABLE gzip_rc)
  if(NOT gzip_rc EQUAL 0)
    message(FATAL_ERROR "gzip of the Debian changelog failed")
  endif()
  # libqpdf is loaded when a PDF is read (src/pdf/pdfread.c), libzip when
  # a draft is made (src/office/package.c), so no NEEDED names them and
  # dpkg-shlibdeps cannot see them: each one's dependency as the shlibs
  # file of the package that holds it states it, e.g. libqpdf29 (>> 11.3~).
  function(bc_deb_loaded_depends var lib soname)
    get_filename_component(file ${lib} REALPATH)
    string(REGEX REPLACE "^/usr/" "/" unmerged ${file})
    foreach(path ${file} ${unmerged})
      execute_process(COMMAND dpkg-query -S ${path} OUTPUT_VARIABLE owner
                      RESULT_VARIABLE rc ERROR_QUIET)
      if(rc EQUAL 0)
        break()
      endif()
    endforeach()
    string(REGEX REPLACE ":[^:]*$" "" owner "${owner}")
    string(REGEX REPLACE "\\.so\\.([^.]+)$" " \\1" shlib ${soname})
    set(shlibs "")
    if(rc EQUAL 0)
      execute_process(COMMAND dpkg-query --control-show ${owner} shlibs
                      OUTPUT_VARIABLE shlibs RESULT_VARIABLE rc)
    endif()
    string(REPLACE "\n" ";" shlibs "${shlibs}")
    set(CMAKE_MATCH_1 "")
    foreach(line ${shlibs})
      if(line MATCHES "^${shlib} (.+)$")
        break()
      endif()
    endforeach()
    if(NOT CMAKE_MATCH_1)
      message(FATAL_ERROR "no shlibs entry for ${soname} (${file})")
    endif()
    set(${var} ${CMAKE_MATCH_1} PARENT_SCOPE)
  endfunction()
  bc_deb_loaded_depends(BC_DEB_QPDF_DEPENDS ${QPDF_LIB} ${BC_QPDF_SONAME})
  bc_deb_loaded_depends(BC_DEB_LIBZIP_DEPENDS ${LIBZIP_LIB} ${BC_LIBZIP_SONAME})
  install(FILES ${CMAKE_SOURCE_DIR}/packaging/debian/copyright
                ${CMAKE_BINARY_DIR}/debian/changelog.Debian.gz
          DESTINATION ${CMAKE_INSTALL_DOCDIR}
          PERMISSIONS ${BC_FILE_MODE})
endif()

set(CPACK_PACKAGE_NAME baocao)
set(CPACK_PACKAGE_VENDOR "baocao")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT ${BC_DEB_MAINTAINER})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "Vietnamese administrative reports from SQLite to PDF")
# The long description: CPack indents it and writes the empty line as " .".
set(CPACK_PACKAGE_DESCRIPTION
    "baocao turns indicator data kept in an SQLite database into official
Vietnamese administrative reports (bao cao) laid out as Decree
30/2020/ND-CP prescribes: justified 14 pt text shaped by HarfBuzz and
broken into lines by Knuth-Plass, PDF/A-3b, tagged, with empty signature
fields. It also previews pages, checks and renders every report of a
period in parallel, signs and verifies the PDFs, and writes editable
drafts (Word, OpenDocument).

The text is set in Liberation Serif (fonts-liberation2), which has the
metrics of Times New Roman; --font-family chooses another installed
family.")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER ${BC_DEB_MAINTAINER})
set(CPACK_DEBIAN_PACKAGE_RELEASE ${BC_DEB_RELEASE})
set(CPACK_DEBIAN_PACKAGE_SECTION text)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
# The shared libraries' packages from dpkg-shlibdeps (of the binary and of
# the signing module), libqpdf's and libzip's, and the fonts the package
# does not bundle.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-liberation2")
foreach(dep ${BC_DEB_QPDF_DEPENDS} ${BC_DEB_LIBZIP_DEPENDS})
  string(APPEND CPACK_DEBIAN_PACKAGE_DEPENDS ", ${dep}")
endforeach()
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_STRIP_FILES ON)
set(CPACK_GENERATOR DEB)
include(CPack)

# cmake/deb.cmake: the Debian package, `cpack -G DEB` in a build configured
# by packaging/build-deb.sh (prefix /usr, BAOCAO_BUNDLE_FONTS=OFF,
# BAOCAO_DEBIAN=ON): Depends from dpkg-shlibdeps plus fonts-liberation2 and
# libqpdf's package (loaded, not linked),
# the stripped binary, /usr/share/doc/baocao/{copyright,changelog.Debian.gz}.
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
  # libqpdf is loaded when a PDF is read (src/pdf/pdfread.c), so no NEEDED
  # names it and dpkg-shlibdeps cannot see it: its dependency as the shlibs
  # file of the package that holds it states it, e.g. libqpdf29 (>> 11.3~).
  get_filename_component(qpdf_file ${QPDF_LIB} REALPATH)
  string(REGEX REPLACE "^/usr/" "/" qpdf_unmerged ${qpdf_file})
  foreach(path ${qpdf_file} ${qpdf_unmerged})
    execute_process(COMMAND dpkg-query -S ${path} OUTPUT_VARIABLE qpdf_owner
                    RESULT_VARIABLE qpdf_rc ERROR_QUIET)
    if(qpdf_rc EQUAL 0)
      break()
    endif()
  endforeach()
  string(REGEX REPLACE ":[^:]*$" "" qpdf_owner "${qpdf_owner}")
  string(REGEX REPLACE "\\.so\\.([^.]+)$" " \\1" qpdf_shlib ${BC_QPDF_SONAME})
  set(qpdf_shlibs "")
  if(qpdf_rc EQUAL 0)
    execute_process(COMMAND dpkg-query --control-show ${qpdf_owner} shlibs
                    OUTPUT_VARIABLE qpdf_shlibs RESULT_VARIABLE qpdf_rc)
  endif()
  string(REPLACE "\n" ";" qpdf_shlibs "${qpdf_shlibs}")
  set(CMAKE_MATCH_1 "")
  foreach(line ${qpdf_shlibs})
    if(line MATCHES "^${qpdf_shlib} (.+)$")
      break()
    endif()
  endforeach()
  if(NOT CMAKE_MATCH_1)
    message(FATAL_ERROR "no shlibs entry for ${BC_QPDF_SONAME} (${qpdf_file})")
  endif()
  set(BC_DEB_QPDF_DEPENDS ${CMAKE_MATCH_1})
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
# The shared libraries' packages from dpkg-shlibdeps, libqpdf's, and the
# fonts the package does not bundle.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-liberation2")
if(BC_DEB_QPDF_DEPENDS)
  string(APPEND CPACK_DEBIAN_PACKAGE_DEPENDS ", ${BC_DEB_QPDF_DEPENDS}")
endif()
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_STRIP_FILES ON)
set(CPACK_GENERATOR DEB)
include(CPack)

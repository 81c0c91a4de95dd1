# The NL Design System style sheets of the dashboard (daemon/web/vendor/package.json):
# installed with npm ci, exactly as locked, into the build tree at configure time, and
# compiled into okod with the dashboard's own files, so an installed okod serves them
# with no file and no network of its own. Re-runs only when the lock changes.
set(OKOD_WEB_VENDOR_DIR ${CMAKE_BINARY_DIR}/web-vendor)
set(OKOD_WEB_VENDOR_LOCK ${CMAKE_SOURCE_DIR}/daemon/web/vendor/package-lock.json)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
             ${OKOD_WEB_VENDOR_LOCK} ${CMAKE_SOURCE_DIR}/daemon/web/vendor/package.json)
file(SHA256 ${OKOD_WEB_VENDOR_LOCK} okod_web_vendor_lock_hash)
set(okod_web_vendor_stamp ${OKOD_WEB_VENDOR_DIR}/installed-${okod_web_vendor_lock_hash})
if(NOT EXISTS ${okod_web_vendor_stamp})
    find_program(OKOD_NPM npm)
    if(NOT OKOD_NPM)
        message(FATAL_ERROR "npm is needed to vendor the dashboard's NL Design System CSS: "
                            "run scripts/install-deps.sh")
    endif()
    file(REMOVE_RECURSE ${OKOD_WEB_VENDOR_DIR})
    file(MAKE_DIRECTORY ${OKOD_WEB_VENDOR_DIR})
    file(COPY ${CMAKE_SOURCE_DIR}/daemon/web/vendor/package.json ${OKOD_WEB_VENDOR_LOCK}
         DESTINATION ${OKOD_WEB_VENDOR_DIR})
    message(STATUS "Vendoring the NL Design System CSS (npm ci)")
    execute_process(COMMAND ${OKOD_NPM} ci --no-audit --no-fund --loglevel=error
                    WORKING_DIRECTORY ${OKOD_WEB_VENDOR_DIR} RESULT_VARIABLE okod_npm_result)
    if(NOT okod_npm_result EQUAL 0)
        message(FATAL_ERROR "npm ci in ${OKOD_WEB_VENDOR_DIR} failed (${okod_npm_result})")
    endif()
    file(TOUCH ${okod_web_vendor_stamp})
endif()

# Served path -> file. The components' CSS uses the design tokens' custom properties.
set(OKOD_WEB_VENDOR_FILES
    "ui/nlds-tokens.css=${OKOD_WEB_VENDOR_DIR}/node_modules/@utrecht/design-tokens/dist/index.css"
    "ui/nlds-components.css=${OKOD_WEB_VENDOR_DIR}/node_modules/@utrecht/component-library-css/dist/index.css")

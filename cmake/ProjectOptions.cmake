# Warnings and sanitizers as INTERFACE targets, linked PRIVATE by every target we build
# (cpp-best-practices style), so vendor headers never see our flags.
add_library(okod_warnings INTERFACE)
target_compile_options(okod_warnings INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion
    -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Woverloaded-virtual
    -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough)
if(OKOD_WARNINGS_AS_ERRORS)
    target_compile_options(okod_warnings INTERFACE -Werror)
endif()

add_library(okod_sanitizers INTERFACE)
if(OKOD_SANITIZE)
    target_compile_options(okod_sanitizers INTERFACE
        -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
    target_link_options(okod_sanitizers INTERFACE -fsanitize=address,undefined)
endif()

# libFuzzer (clang): every object instrumented for coverage, ASan and UBSan; the fuzz
# targets (fuzz/) add the fuzzer's main when linking.
if(OKOD_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
        message(FATAL_ERROR "OKOD_FUZZ needs clang: CC=clang CXX=clang++ cmake -DOKOD_FUZZ=ON ...")
    endif()
    target_compile_options(okod_sanitizers INTERFACE
        -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
    target_link_options(okod_sanitizers INTERFACE -fsanitize=address,undefined)
endif()

add_library(okod_options INTERFACE)
target_compile_features(okod_options INTERFACE cxx_std_20)
target_link_libraries(okod_options INTERFACE okod_warnings okod_sanitizers)

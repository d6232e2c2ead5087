# make run: install what is missing, build, take the guided tour of the notes.
# make test: the same build, then every test.
BUILD ?= build
BUILD_TYPE ?= Release
JOBS ?= $(shell nproc)

.PHONY: all deps configure build run test asan tsan format format-check clean

all: build

deps:
	@scripts/install-deps.sh

configure: deps
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) $(CMAKE_FLAGS) >/dev/null

build: configure
	@cmake --build $(BUILD) -j $(JOBS)

run: build
	@$(BUILD)/leibniz/cli/leibniz tour

test: build
	@ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

# The test suite under AddressSanitizer and UndefinedBehaviorSanitizer, warnings as errors.
asan:
	@$(MAKE) --no-print-directory test BUILD=build-asan BUILD_TYPE=Debug \
	  CMAKE_FLAGS="-DLEIBNIZ_SANITIZE=ON -DLEIBNIZ_WERROR=ON"

# The thread stress test and the app tests under ThreadSanitizer (docs/threads.md): only
# these two are built, as the rest of the suite runs on one thread.
TSAN_TESTS = threads_tests app_tests
tsan:
	@$(MAKE) --no-print-directory configure BUILD=build-tsan BUILD_TYPE=RelWithDebInfo \
	  CMAKE_FLAGS="-DLEIBNIZ_TSAN=ON -DLEIBNIZ_WERROR=ON"
	@cmake --build build-tsan -j $(JOBS) --target $(TSAN_TESTS)
	@for t in $(TSAN_TESTS); do \
	  TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1" build-tsan/tests/$$t || exit 1; \
	done

format:
	@git ls-files '*.cpp' '*.h' | xargs clang-format -i

format-check:
	@git ls-files '*.cpp' '*.h' | xargs clang-format --dry-run --Werror

clean:
	@rm -rf build build-asan build-tsan

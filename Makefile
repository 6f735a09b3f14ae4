# Makefile: a thin wrapper over build.sh (which wraps CMake), for those who
# type make. `make samples` renders the sample reports, `make test` runs
# every test.
.PHONY: all samples test clean
all samples:
	./build.sh samples
test:
	./build.sh test
clean:
	rm -rf build build-asan samples/baocao.db

//go:build windows && amd64 && debian_mingw

package linkshim

/*
// std::fpos<_Mbstatet>: a streamoff and the UCRT conversion state, 16 bytes. GCC's Itanium C++ ABI
// on Win64 passes the hidden result pointer first and `this` second, as for this free function.
typedef struct {
	long long off;
	unsigned long wchar;
	unsigned short byte, state;
} rapor_fpos;

rapor_fpos rapor_streambuf_seekpos(void *self, rapor_fpos pos, int mode)
	__asm__("_ZNSt15basic_streambufIcSt11char_traitsIcEE7seekposESt4fposI9_MbstatetESt13_Ios_Openmode");

rapor_fpos rapor_streambuf_seekpos(void *self, rapor_fpos pos, int mode) {
	rapor_fpos failed = {-1, 0, 0, 0};
	(void)self; (void)pos; (void)mode;
	return failed;
}
*/
import "C"

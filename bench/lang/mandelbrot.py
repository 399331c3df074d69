# Are We Fast Yet's Mandelbrot: the escape test in decimals for each point
# of a size x size grid, the bits packed into bytes and folded by xor (with
# no bit operators in the routine language: arithmetic on bits).
def bxor(a, b):
    result = 0
    bit = 1
    while a > 0 or b > 0:
        if a % 2 != b % 2:
            result = result + bit
        a = a // 2
        b = b // 2
        bit = bit * 2
    return result

def mandelbrot(size):
    total = 0
    byte_acc = 0
    bit_num = 0
    y = 0
    while y < size:
        ci = (2.0 * y / size) - 1.0
        x = 0
        while x < size:
            zrzr = 0.0
            zi = 0.0
            zizi = 0.0
            cr = (2.0 * x / size) - 1.5
            z = 0
            not_done = True
            escape = 0
            while not_done and z < 50:
                zr = zrzr - zizi + cr
                zi = 2.0 * zr * zi + ci
                zrzr = zr * zr
                zizi = zi * zi
                if zrzr + zizi > 4.0:
                    not_done = False
                    escape = 1
                z = z + 1
            byte_acc = byte_acc * 2 + escape
            bit_num = bit_num + 1
            if bit_num == 8:
                total = bxor(total, byte_acc)
                byte_acc = 0
                bit_num = 0
            elif x == size - 1:
                while bit_num < 8:
                    byte_acc = byte_acc * 2
                    bit_num = bit_num + 1
                total = bxor(total, byte_acc)
                byte_acc = 0
                bit_num = 0
            x = x + 1
        y = y + 1
    return total

print(mandelbrot(300))

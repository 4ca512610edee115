// vm/builtins/format.cpp — fmt(x, spec), after CPython's Python/formatter_unicode.c
// (parse_internal_render_format_spec, calc_number_widths, the thousands grouping
// with zero padding) and Python/pystrtod.c (the 'g' and repr rules), so results
// match Python's format(x, spec) character for character. Digits come from
// snprintf, which is exact in glibc, as Python's dtoa is.
#include "vm/builtins/format.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "vm/errors.h"
#include "vm/object/string.h"
#include "vm/team.h"
#include "vm/value_ops.h"

namespace vb {

namespace {

// Widths and precisions above this raise :value_error instead of building a
// gigantic string outside the heap's accounting.
constexpr int64_t kMaxWidth = 1'000'000;

struct Spec {
    std::string_view text;
    const char* type_name = "";
    std::string fill = " ";  // one code point, UTF-8
    bool fill_specified = false;
    char align = 0;          // 0: the default of the value's kind
    char sign = 0;
    bool alternate = false;
    int64_t width = -1;
    char grouping = 0;       // ',' or '_' or 0
    int group_size = 3;
    int64_t precision = -1;
    char type = 0;
};

[[noreturn]] void bad_spec(const Spec& s, const std::string& why) {
    std::string shown(s.text.substr(0, 60));
    if (s.text.size() > 60) shown += "...";
    raise_error(ErrorKind::ValueError, "fmt(): bad format spec \"" + shown + "\" for a value of type " +
                                           s.type_name + ": " + why);
}

size_t code_point_length(std::string_view s, size_t at) {
    size_t n = static_cast<size_t>(utf8_sequence_length(static_cast<unsigned char>(s[at])));
    return std::min(n, s.size() - at);
}

size_t count_code_points(std::string_view s) {
    size_t count = 0;
    for (size_t i = 0; i < s.size(); i += code_point_length(s, i)) count++;
    return count;
}

// The first n code points of s.
std::string_view first_code_points(std::string_view s, size_t n) {
    size_t i = 0;
    for (size_t k = 0; k < n && i < s.size(); k++) i += code_point_length(s, i);
    return s.substr(0, i);
}

bool is_align(char c) { return c == '<' || c == '>' || c == '=' || c == '^'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Digits at pos; -1 when there are none.
int64_t parse_count(const Spec& s, size_t& pos, const char* what) {
    if (pos >= s.text.size() || !is_digit(s.text[pos])) return -1;
    int64_t n = 0;
    while (pos < s.text.size() && is_digit(s.text[pos])) {
        n = n * 10 + (s.text[pos] - '0');
        if (n > kMaxWidth) bad_spec(s, std::string("the ") + what + " is too large (at most 1000000)");
        pos++;
    }
    return n;
}

Spec parse_spec(std::string_view text, const char* type_name, char default_align, char default_type) {
    Spec s;
    s.text = text;
    s.type_name = type_name;
    size_t pos = 0, end = text.size();
    if (end > 0) {
        size_t n = code_point_length(text, 0);
        if (n < end && is_align(text[n])) {
            s.fill = std::string(text.substr(0, n));
            s.fill_specified = true;
            s.align = text[n];
            pos = n + 1;
        } else if (is_align(text[0])) {
            s.align = text[0];
            pos = 1;
        }
    }
    if (pos < end && (text[pos] == '+' || text[pos] == '-' || text[pos] == ' ')) s.sign = text[pos++];
    if (pos < end && text[pos] == '#') {
        s.alternate = true;
        pos++;
    }
    if (!s.fill_specified && pos < end && text[pos] == '0') {
        s.fill = "0";
        if (!s.align && default_align == '>') s.align = '=';
        pos++;
    }
    s.width = parse_count(s, pos, "width");
    if (pos < end && text[pos] == ',') {
        s.grouping = ',';
        pos++;
    }
    if (pos < end && text[pos] == '_') {
        if (s.grouping) bad_spec(s, "cannot use both ',' and '_'");
        s.grouping = '_';
        pos++;
    }
    if (pos < end && text[pos] == ',' && s.grouping == '_') bad_spec(s, "cannot use both ',' and '_'");
    if (pos < end && text[pos] == '.') {
        pos++;
        s.precision = parse_count(s, pos, "precision");
        if (s.precision < 0) bad_spec(s, "a precision must follow '.'");
    }
    if (end - pos > 1) bad_spec(s, "unexpected \"" + std::string(text.substr(pos)) + "\"");
    s.type = end - pos == 1 ? text[pos] : default_type;
    if (s.grouping) {
        switch (s.type) {
            case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0: break;
            case 'b': case 'o': case 'x': case 'X':
                if (s.grouping == '_') {
                    s.group_size = 4;
                    break;
                }
                [[fallthrough]];
            default:
                bad_spec(s, std::string("cannot use '") + s.grouping + "' with format code '" + s.type + "'");
        }
    }
    return s;
}

[[noreturn]] void unknown_type(const Spec& s) {
    bad_spec(s, std::string("unknown format code '") + s.type + "'");
}

void append_fill(std::string& out, const Spec& s, int64_t count) {
    for (int64_t i = 0; i < count; i++) out += s.fill;
}

// Groups `digits` from the right with `sep` every `group` digits, padding with
// zeros (grouped too) up to min_width, as CPython's InsertThousandsGrouping.
std::string group_digits(std::string_view digits, int64_t min_width, int group, char sep) {
    int64_t remaining = static_cast<int64_t>(digits.size());
    if (!sep) {
        int64_t l = std::max({remaining, min_width, int64_t{1}});
        return std::string(static_cast<size_t>(l - remaining), '0') + std::string(digits);
    }
    std::string reversed;
    size_t pos = digits.size();
    bool use_sep = false;
    for (;;) {
        int64_t l = std::min<int64_t>(group, std::max({remaining, min_width, int64_t{1}}));
        int64_t zeros = std::max<int64_t>(0, l - remaining);
        int64_t chars = std::max<int64_t>(0, std::min(remaining, l));
        if (use_sep) reversed += sep;
        for (int64_t i = 0; i < chars; i++) reversed += digits[--pos];
        reversed.append(static_cast<size_t>(zeros), '0');
        use_sep = true;
        remaining -= chars;
        min_width -= group;
        if (remaining <= 0 && min_width <= 0) break;
        min_width -= 1;
    }
    std::reverse(reversed.begin(), reversed.end());
    return reversed;
}

// <lpad> <sign> <prefix> <spad> <grouped digits> <.> <remainder> <rpad>
std::string layout_number(const Spec& s, bool negative, std::string_view prefix, std::string_view digits,
                          bool has_decimal, std::string_view remainder, int64_t remainder_code_points) {
    std::string sign;
    if (s.sign == '+') sign = negative ? "-" : "+";
    else if (s.sign == ' ') sign = negative ? "-" : " ";
    else if (negative) sign = "-";
    int64_t non_digit = static_cast<int64_t>(sign.size() + prefix.size()) + (has_decimal ? 1 : 0) +
                        remainder_code_points;
    char align = s.align ? s.align : '>';
    int64_t min_width = (s.fill == "0" && align == '=') ? s.width - non_digit : 0;
    std::string grouped = digits.empty() ? std::string() : group_digits(digits, min_width, s.group_size, s.grouping);
    int64_t padding = s.width - (non_digit + static_cast<int64_t>(grouped.size()));
    int64_t lpad = 0, spad = 0, rpad = 0;
    if (padding > 0) {
        switch (align) {
            case '<': rpad = padding; break;
            case '^':
                lpad = padding / 2;
                rpad = padding - lpad;
                break;
            case '=': spad = padding; break;
            default: lpad = padding; break;
        }
    }
    std::string out;
    append_fill(out, s, lpad);
    out += sign;
    out += prefix;
    append_fill(out, s, spad);
    out += grouped;
    if (has_decimal) out += '.';
    out += remainder;
    append_fill(out, s, rpad);
    return out;
}

std::string printf_double(const char* format, int precision, double d) {
    int n = std::snprintf(nullptr, 0, format, precision, d);
    if (n < 0) return "?";
    std::string buf(static_cast<size_t>(n) + 1, '\0');
    std::snprintf(buf.data(), buf.size(), format, precision, d);
    buf.resize(static_cast<size_t>(n));
    return buf;
}

void strip_trailing_zeros(std::string& s) {
    while (!s.empty() && s.back() == '0') s.pop_back();
}

// Python's 'g' for a finite d >= 0 (and, with add_dot_0, the no-type format with
// a precision, which switches to an exponent one digit earlier and keeps a ".0").
std::string format_general(double d, int64_t precision, bool alternate, bool add_dot_0) {
    int p = precision == 0 ? 1 : static_cast<int>(precision);
    std::string e = printf_double("%.*e", p - 1, d);
    size_t epos = e.find('e');
    std::string digits;
    for (size_t i = 0; i < epos; i++)
        if (is_digit(e[i])) digits += e[i];
    int exponent = std::atoi(e.c_str() + epos + 1);
    bool use_exp = exponent < -4 || exponent >= (add_dot_0 ? p - 1 : p);
    std::string out;
    if (use_exp) {
        std::string frac = digits.substr(1);
        if (!alternate) strip_trailing_zeros(frac);
        out = digits.substr(0, 1);
        if (!frac.empty() || alternate) out += "." + frac;
        char buf[16];
        std::snprintf(buf, sizeof buf, "e%c%02d", exponent < 0 ? '-' : '+', exponent < 0 ? -exponent : exponent);
        out += buf;
    } else if (exponent >= 0) {
        size_t point = static_cast<size_t>(exponent) + 1;
        std::string frac = digits.size() > point ? digits.substr(point) : std::string();
        out = digits.substr(0, point);
        if (!alternate) strip_trailing_zeros(frac);
        if (!frac.empty()) out += "." + frac;
        else if (alternate) out += ".";
        else if (add_dot_0) out += ".0";
    } else {
        std::string frac = std::string(static_cast<size_t>(-exponent - 1), '0') + digits;
        if (!alternate) strip_trailing_zeros(frac);
        out = "0." + frac;
    }
    return out;
}

std::string format_float_with(double x, const Spec& s) {
    char type = s.type;
    bool upper = type == 'E' || type == 'F' || type == 'G';
    char t = upper ? static_cast<char>(type - 'A' + 'a') : type;
    bool repr_mode = false, add_dot_0 = false, percent = false;
    int64_t precision = s.precision;
    if (t == 0) {
        if (precision < 0) repr_mode = true;
        else {
            t = 'g';
            add_dot_0 = true;
        }
    }
    if (t == 'n') t = 'g';
    if (t == '%') {
        t = 'f';
        x *= 100;
        percent = true;
    }
    if (precision < 0) precision = 6;
    bool negative = std::signbit(x) && !std::isnan(x);
    double ax = std::fabs(x);
    std::string body;
    if (std::isnan(x)) body = "nan";
    else if (std::isinf(x)) body = "inf";
    else if (repr_mode) {
        body = format_float(ax);
        // '#' keeps a decimal point in the exponent form too: 1.e+20.
        if (s.alternate && body.find('.') == std::string::npos) {
            size_t e = body.find('e');
            body.insert(e == std::string::npos ? body.size() : e, ".");
        }
    }
    else if (t == 'f') body = printf_double(s.alternate ? "%#.*f" : "%.*f", static_cast<int>(precision), ax);
    else if (t == 'e') body = printf_double(s.alternate ? "%#.*e" : "%.*e", static_cast<int>(precision), ax);
    else body = format_general(ax, precision, s.alternate, add_dot_0);
    if (upper)
        for (char& c : body)
            if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (percent) body += '%';
    size_t i = 0;
    while (i < body.size() && is_digit(body[i])) i++;
    bool has_decimal = i < body.size() && body[i] == '.';
    std::string_view all(body);
    std::string_view remainder = all.substr(i + (has_decimal ? 1 : 0));
    return layout_number(s, negative, "", all.substr(0, i), has_decimal, remainder,
                         static_cast<int64_t>(remainder.size()));
}

}  // namespace

std::string format_int(int64_t n, std::string_view spec) {
    Spec s = parse_spec(spec, "int", '>', 'd');
    switch (s.type) {
        case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%':
            return format_float_with(static_cast<double>(n), s);
        case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n': break;
        default: unknown_type(s);
    }
    if (s.precision >= 0) bad_spec(s, "a precision is not allowed with an int");
    if (s.type == 'c') {
        if (s.sign) bad_spec(s, "a sign is not allowed with format code 'c'");
        if (s.alternate) bad_spec(s, "'#' is not allowed with format code 'c'");
        if (n < 0 || n > 0x10FFFF || (n >= 0xD800 && n <= 0xDFFF))
            raise_error(ErrorKind::ValueError, "fmt(): " + std::to_string(n) + " is not a code point (format code 'c')");
        std::string ch;
        append_utf8(ch, static_cast<uint32_t>(n));
        return layout_number(s, false, "", "", false, ch, 1);
    }
    int base = 10;
    const char* prefix = "";
    switch (s.type) {
        case 'b': base = 2; prefix = "0b"; break;
        case 'o': base = 8; prefix = "0o"; break;
        case 'x': base = 16; prefix = "0x"; break;
        case 'X': base = 16; prefix = "0X"; break;
        default: break;
    }
    if (!s.alternate) prefix = "";
    const char* symbols = s.type == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
    uint64_t magnitude = n < 0 ? uint64_t{0} - static_cast<uint64_t>(n) : static_cast<uint64_t>(n);
    std::string digits;
    do {
        digits += symbols[magnitude % static_cast<uint64_t>(base)];
        magnitude /= static_cast<uint64_t>(base);
    } while (magnitude);
    std::reverse(digits.begin(), digits.end());
    return layout_number(s, n < 0, prefix, digits, false, "", 0);
}

std::string format_float_spec(double d, std::string_view spec) {
    Spec s = parse_spec(spec, "float", '>', 0);
    switch (s.type) {
        case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%': case 0: break;
        default: unknown_type(s);
    }
    return format_float_with(d, s);
}

std::string format_string_spec(std::string_view text, std::string_view spec, const char* type) {
    Spec s = parse_spec(spec, type, '<', 's');
    if (s.type != 's') unknown_type(s);
    if (s.sign) bad_spec(s, "a sign is not allowed with a string");
    if (s.alternate) bad_spec(s, "'#' is not allowed with a string");
    if (s.align == '=') bad_spec(s, "'=' alignment is not allowed with a string");
    std::string_view body = text;
    int64_t length = -1;
    if (s.precision >= 0) {
        body = first_code_points(text, static_cast<size_t>(s.precision));
    }
    if (s.width < 0) return std::string(body);
    length = static_cast<int64_t>(count_code_points(body));
    int64_t padding = s.width - length;
    int64_t lpad = 0, rpad = 0;
    if (padding > 0) {
        switch (s.align) {
            case '>': lpad = padding; break;
            case '^':
                lpad = padding / 2;
                rpad = padding - lpad;
                break;
            default: rpad = padding; break;
        }
    }
    std::string out;
    append_fill(out, s, lpad);
    out += body;
    append_fill(out, s, rpad);
    return out;
}

std::string format_value(Team& team, Value v, std::string_view spec) {
    switch (v.tag) {
        case Tag::Int: return format_int(v.i, spec);
        case Tag::Float: return format_float_spec(v.f, spec);
        case Tag::String: return format_string_spec(as_string(v)->view(), spec, "string");
        default: {
            std::string text;
            team.print_value(text, v, false);
            if (spec.empty()) return text;
            return format_string_spec(text, spec, type_name(v));
        }
    }
}

}  // namespace vb

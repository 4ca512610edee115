// servers/host/files.cpp — whole files for the `vb` commands: read at once, and
// written through a temporary file and a rename, so that a full disk or a crash
// never leaves a half-written image, key or cluster key in place of a good one.
#include <fcntl.h>
#include <unistd.h>

#include <sys/stat.h>

#include <cerrno>
#include <cstring>

#include "servers/host/host.h"

namespace vb::host {

// With read(2), not an ifstream: the first stream a process makes builds the
// C++ locale, whose code and tables cost every run a few hundred KiB of memory.
// As with the stream, a read error ends the text (a directory reads as empty).
bool read_file(const std::string& path, std::string* out) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return false;
    struct stat info;
    size_t expected = ::fstat(fd, &info) == 0 && info.st_size > 0 ? static_cast<size_t>(info.st_size) : 0;
    out->clear();
    out->resize(expected + 1);  // one byte more, to see the end in the same read
    size_t done = 0;
    for (;;) {
        if (done == out->size()) out->resize(out->size() * 2);
        ssize_t n = ::read(fd, out->data() + done, out->size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        done += static_cast<size_t>(n);
    }
    ::close(fd);
    out->resize(done);
    return true;
}

bool write_file_atomically(const std::string& path, const std::string& bytes, int mode, std::string* error) {
    std::string temporary = path + ".tmp";
    int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC, mode);
    if (fd < 0) {
        *error = std::strerror(errno);
        return false;
    }
    size_t done = 0;
    while (done < bytes.size()) {
        ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            *error = std::strerror(n < 0 ? errno : ENOSPC);
            ::close(fd);
            ::unlink(temporary.c_str());
            return false;
        }
        done += static_cast<size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        *error = std::strerror(errno);
        ::unlink(temporary.c_str());
        return false;
    }
    if (::rename(temporary.c_str(), path.c_str()) != 0) {
        *error = std::strerror(errno);
        ::unlink(temporary.c_str());
        return false;
    }
    return true;
}

}  // namespace vb::host

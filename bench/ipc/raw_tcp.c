/* bench/ipc/raw_tcp.c — the floor under vb's large transfers: TCP on loopback
 * with TCP_NODELAY. Each round the client sends a 32-byte request naming a
 * reply size; the server answers with that many bytes (a "file read").
 *
 *   raw_tcp server PORT
 *   raw_tcp client HOST PORT REPLY_SIZE COUNT   prints "rtt_us <mean> mb_s <MB/s>"
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static double now_us(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e6 + t.tv_nsec / 1e3;
}

static int full(int fd, char *p, size_t n, int writing) {
    while (n) {
        ssize_t k = writing ? write(fd, p, n) : read(fd, p, n);
        if (k <= 0) return -1;
        p += k, n -= (size_t)k;
    }
    return 0;
}

int main(int argc, char **argv) {
    if (argc < 3) return 2;
    static char request[32];
    char *reply = malloc(64 << 20);
    memset(reply, 'y', 64 << 20);
    int one = 1;
    struct sockaddr_in addr = {0};
    addr.sin_family = AF_INET;
    if (strcmp(argv[1], "server") == 0) {
        int listener = socket(AF_INET, SOCK_STREAM, 0);
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        addr.sin_port = htons(atoi(argv[2]));
        if (bind(listener, (struct sockaddr *)&addr, sizeof addr) != 0) return perror("bind"), 1;
        listen(listener, 4);
        for (;;) {
            int fd = accept(listener, NULL, NULL);
            setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
            while (full(fd, request, sizeof request, 0) == 0) {
                unsigned size = (unsigned)strtoul(request, NULL, 10);
                if (size > (64u << 20) || full(fd, reply, size, 1) != 0) break;
            }
            close(fd);
        }
    }
    if (argc < 6) return 2;
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    inet_pton(AF_INET, argv[2], &addr.sin_addr);
    addr.sin_port = htons(atoi(argv[3]));
    if (connect(fd, (struct sockaddr *)&addr, sizeof addr) != 0) return perror("connect"), 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    unsigned size = (unsigned)atoi(argv[4]);
    int count = atoi(argv[5]);
    snprintf(request, sizeof request, "%u", size);
    for (int i = 0; i < 20; i++) full(fd, request, sizeof request, 1), full(fd, reply, size, 0);
    double start = now_us();
    for (int i = 0; i < count; i++) full(fd, request, sizeof request, 1), full(fd, reply, size, 0);
    double us = (now_us() - start) / count;
    printf("rtt_us %.2f mb_s %.1f\n", us, size / us);
    return 0;
}

/* bench/ipc/raw_udp.c — the floor under vb's node-to-node transactions: a
 * blocking UDP ping-pong on loopback, request of SIZE bytes, reply of SIZE bytes.
 *
 *   raw_udp server PORT
 *   raw_udp client HOST PORT SIZE COUNT    prints "rtt_us <mean>"
 */
#include <arpa/inet.h>
#include <netinet/in.h>
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

int main(int argc, char **argv) {
    static char buffer[65536];
    if (argc < 3) return 2;
    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    int size = 8 << 20;
    setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof size);
    setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &size, sizeof size);
    struct sockaddr_in addr = {0};
    addr.sin_family = AF_INET;
    if (strcmp(argv[1], "server") == 0) {
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        addr.sin_port = htons(atoi(argv[2]));
        if (bind(fd, (struct sockaddr *)&addr, sizeof addr) != 0) return perror("bind"), 1;
        for (;;) {
            struct sockaddr_in from;
            socklen_t len = sizeof from;
            ssize_t n = recvfrom(fd, buffer, sizeof buffer, 0, (struct sockaddr *)&from, &len);
            if (n >= 0) sendto(fd, buffer, n, 0, (struct sockaddr *)&from, len);
        }
    }
    if (argc < 6) return 2;
    inet_pton(AF_INET, argv[2], &addr.sin_addr);
    addr.sin_port = htons(atoi(argv[3]));
    int bytes = atoi(argv[4]), count = atoi(argv[5]);
    if (bytes > 65507) bytes = 65507;
    connect(fd, (struct sockaddr *)&addr, sizeof addr);
    struct timeval timeout = {1, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    memset(buffer, 'x', bytes);
    for (int i = 0; i < 200; i++) send(fd, buffer, bytes, 0), recv(fd, buffer, sizeof buffer, 0);
    double start = now_us();
    int done = 0;
    for (int i = 0; i < count; i++) {
        send(fd, buffer, bytes, 0);
        if (recv(fd, buffer, sizeof buffer, 0) == bytes) done++;
    }
    printf("rtt_us %.2f lost %d\n", (now_us() - start) / count, count - done);
    return 0;
}

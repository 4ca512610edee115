# methods: method-style calls on records. A particle is an instance of a
# plain class (attributes in its __dict__, no __slots__) with integer fields
# (x, y, vx, vy, bounces) and a method step; Stats has (total, count, max)
# and a method add. NPART particles move in a W x H box for n steps, bouncing
# off the walls; after each particle's step its x + y goes into the
# statistics: p.step(w, h) and stats.add(v), about twenty attribute reads
# and writes per particle step.
import sys

W, H, NPART = 1000, 800, 64


class Particle:
    def __init__(self, x, y, vx, vy):
        self.x = x
        self.y = y
        self.vx = vx
        self.vy = vy
        self.bounces = 0

    def step(self, w, h):
        x = self.x + self.vx
        if x < 0:
            x = -x
            self.vx = -self.vx
            self.bounces += 1
        elif x >= w:
            x = 2 * (w - 1) - x
            self.vx = -self.vx
            self.bounces += 1
        self.x = x
        y = self.y + self.vy
        if y < 0:
            y = -y
            self.vy = -self.vy
            self.bounces += 1
        elif y >= h:
            y = 2 * (h - 1) - y
            self.vy = -self.vy
            self.bounces += 1
        self.y = y


class Stats:
    def __init__(self):
        self.total = 0
        self.count = 0
        self.max = 0

    def add(self, value):
        self.total += value
        self.count += 1
        if value > self.max:
            self.max = value


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
    ps = []
    for i in range(NPART):
        ps.append(Particle((i * 37) % W, (i * 91) % H, i % 7 - 3, i % 5 - 2))
    stats = Stats()
    for _ in range(n):
        for p in ps:
            p.step(W, H)
            stats.add(p.x + p.y)
    bounces = 0
    for p in ps:
        bounces += p.bounces
    print("methods(%d) = %d %d %d %d" % (n, stats.total, stats.count, stats.max, bounces))


main()

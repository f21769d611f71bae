#!/usr/bin/env python3
"""The benchmark data set. "build WORK MIB FILES": a disk image of 1 MiB blocks mixing random (40 %),
zero (30 %) and compressible text (30 %) blocks, and a tree of FILES small text files.
"change WORK MIB": changes 1 % of the image's blocks in place and writes their extents
("offset length" lines) to WORK/extents.txt, as changed-block tracking would report them."""
import os
import random
import sys

MIB = 1 << 20
WORDS = ("backup restore policy node chunk manifest catalog retention disk zero schedule "
         "destination snapshot incremental verify prune mount tenant mailbox volume").split()


def text_block(rng, size):
    out = []
    n = 0
    while n < size:
        w = rng.choice(WORDS) + (" " if rng.random() > 0.1 else "\n")
        out.append(w)
        n += len(w)
    return "".join(out).encode()[:size]


def build(work, image_mib, files):
    rng = random.Random(42)
    with open(os.path.join(work, "disk.img"), "wb") as f:
        for _ in range(image_mib):
            r = rng.random()
            if r < 0.4:
                f.write(os.urandom(MIB))
            elif r < 0.7:
                f.write(bytes(MIB))
            else:
                f.write(text_block(rng, MIB))
    tree = os.path.join(work, "tree")
    for i in range(files):
        d = os.path.join(tree, "dir%02d" % (i % 20))
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, "file%05d.txt" % i), "wb") as f:
            f.write(text_block(rng, rng.randint(1024, 64 * 1024)))


def change(work, image_mib):
    """Overwrites 64 KiB inside 1 % of the 1 MiB blocks, as a VM would between two backups."""
    rng = random.Random(7)
    changed = sorted(rng.sample(range(image_mib), max(1, image_mib // 100)))
    with open(os.path.join(work, "disk.img"), "r+b") as f, open(os.path.join(work, "extents.txt"), "w") as ext:
        for block in changed:
            off = block * MIB + rng.randrange(0, MIB - 65536)
            f.seek(off)
            f.write(os.urandom(65536))
            ext.write("%d %d\n" % (off, 65536))


if __name__ == "__main__":
    if sys.argv[1] == "build":
        build(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
    else:
        change(sys.argv[2], int(sys.argv[3]))

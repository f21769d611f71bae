/**
 * The node's KVM tasks: INVENTORY of a libvirt hypervisor, BACKUP (export straight into a
 * repository), RESTORE (restore point to image files), IMPORT (define the machine again) and
 * SNAPSHOT (take, prune, revert). Each handler checks its parameters in {@code prepare} and does
 * its work, with progress and cancellation, in the returned job.
 */
package org.bulwark.node.vm;

/** Commands a policy runs on the node around a backup (pre/post), as argument lists without a shell. */
package org.bulwark.node.hook;

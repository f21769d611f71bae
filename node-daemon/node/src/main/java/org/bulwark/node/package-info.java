/** Bulwark's node daemon. */
package org.bulwark.node;

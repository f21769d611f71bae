/** Bulwark's server core. */
package org.bulwark.server;

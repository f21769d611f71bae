/**
 * Bulwark's shared API: the data exchanged between console, server and node (records),
 * the roles, and the one error model. Pure Java, used by all three tiers.
 */
package org.bulwark.api;

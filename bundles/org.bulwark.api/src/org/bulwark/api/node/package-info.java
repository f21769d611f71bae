/**
 * What the server and a node say to each other over the SSH channel: the protocol constants
 * ({@link NodeProtocol}), the JSON records of the node's loopback task API, and the key file
 * format both ends use for their SSH keys ({@link KeyPairFile}).
 */
package org.bulwark.api.node;

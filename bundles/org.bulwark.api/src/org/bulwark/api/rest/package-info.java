/**
 * The REST (JSON) resources of the server, under {@link org.bulwark.api.rest.Api#BASE}. Each
 * method names the roles that may call it with {@code @RolesAllowed} (or {@code @PermitAll});
 * the server enforces exactly these, and clients build their calls from the same interfaces.
 * Callers send the session token as {@code Authorization: Bearer <token>}.
 */
package org.bulwark.api.rest;

/**
 * The OAuth2 clients this server knows: the web front end and the demo clients, built
 * from configuration at every start, and the partner clients, kept in the database. Also
 * what a client's tokens say about it: its roles and, for a partner client, the partner.
 */
@NullMarked
package care.parcours.auth.clients;

import org.jspecify.annotations.NullMarked;

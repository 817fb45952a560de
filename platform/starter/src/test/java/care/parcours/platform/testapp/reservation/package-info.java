/**
 * Reservations of things for a day: the sample feature a new service copies. One
 * aggregate ({@link care.parcours.platform.testapp.reservation.Reservation}) that checks
 * its own rules and returns its events; a repository named like a collection, over
 * {@code JdbcClient}, that writes a change with its events and checks versions; a service
 * that draws the transaction; a package-private controller with its forms nested; the
 * constraint problems the table's constraints mean; tests of the rules without Spring, of
 * the HTTP API and its event, and of who may call it.
 */
@NullMarked
package care.parcours.platform.testapp.reservation;

import org.jspecify.annotations.NullMarked;

package care.parcours.platform.testapp;

import java.util.List;
import java.util.UUID;

import care.parcours.platform.domain.ConflictException;
import care.parcours.platform.domain.ExpectedVersion;
import care.parcours.platform.domain.NotFoundException;
import care.parcours.platform.domain.StaleVersion;
import care.parcours.platform.outbox.Outbox;
import care.parcours.platform.retry.RetryOnContention;
import care.parcours.platform.web.Page;
import care.parcours.platform.web.PageQuery;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The test service's aggregate store: a thing and its version, with an event per change.
 * A transaction that loses to concurrent ones is tried again, as a service's commands
 * are.
 */
@Component
@RetryOnContention
public class Things {

	private final JdbcClient jdbc;

	private final Outbox outbox;

	public Things(JdbcClient jdbc, Outbox outbox) {
		this.jdbc = jdbc;
		this.outbox = outbox;
	}

	public record Thing(UUID id, String name, String kind, long version) {

	}

	@Transactional
	public Thing create(UUID id, String name, String kind) {
		jdbc.sql("insert into thing (id, name, kind, version) values (?, ?, ?, 0)").params(id, name, kind).update();
		outbox.publish(new ThingEvent.ThingChanged(id, 0), id, 0);
		return new Thing(id, name, kind, 0);
	}

	/** Changes a thing; the version check serialises concurrent changes of one thing. */
	@Transactional
	public long change(UUID id) {
		long version = jdbc.sql("update thing set version = version + 1 where id = ? returning version")
			.param(id)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("thing-not-found", "No thing " + id + "."));
		outbox.publish(new ThingEvent.ThingChanged(id, version), id, version);
		return version;
	}

	/**
	 * Changes two things in one transaction, the first then the second: two of these in
	 * opposite orders can deadlock.
	 */
	@Transactional
	public Pair changeBoth(UUID first, UUID second) {
		return new Pair(change(first), change(second));
	}

	/** The versions two things are at after a change of both. */
	public record Pair(long first, long second) {

	}

	/** Renames a thing on the version the caller read; a stale one changes nothing. */
	@Transactional
	public Thing rename(UUID id, ExpectedVersion expected, String name) {
		Thing current = get(id);
		expected.requireCurrent("Thing " + id, current.version());
		long version = jdbc
			.sql("update thing set name = ?, version = version + 1 where id = ? and version = ? returning version")
			.params(name, id, expected.value())
			.query(Long.class)
			.optional()
			.orElseThrow(() -> StaleVersion.concurrentEdit("Thing " + id));
		return new Thing(id, name, current.kind(), version);
	}

	/** Writes the change and its event, then fails: neither may survive. */
	@Transactional
	public void changeThenFail(UUID id) {
		change(id);
		throw new ConflictException("thing-refused", "The change was refused after it was written.");
	}

	public Thing get(UUID id) {
		return jdbc.sql("select id, name, kind, version from thing where id = ?")
			.param(id)
			.query(Thing.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("thing-not-found", "No thing " + id + "."));
	}

	public Page<Thing> list(PageQuery query) {
		List<Thing> content = jdbc.sql("select id, name, kind, version from thing order by name limit ? offset ?")
			.params(query.size(), query.offset())
			.query(Thing.class)
			.list();
		long total = jdbc.sql("select count(*) from thing").query(Long.class).single();
		return Page.of(content, query, total);
	}

	public long count() {
		return jdbc.sql("select count(*) from thing").query(Long.class).single();
	}

}

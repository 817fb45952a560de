package care.parcours.billing.catalogue;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import care.parcours.platform.money.Money;
import care.parcours.platform.web.Page;
import care.parcours.platform.web.PageQuery;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Every billable item and tariff. The database keeps codes unique per nomenclature (and
 * owner) and two tariffs of one item and partner from overlapping.
 */
@Repository
class Catalogue {

	private static final String ITEM_COLUMNS = "id, kind, nomenclature, code, owner_id, label_fr, label_en, label_nl, sample, created_at";

	private static final String TARIFF_COLUMNS = "id, item_id, partner_id, currency, unit_price, vat_rate, valid_from, valid_until, sample, created_at";

	private final JdbcClient jdbc;

	Catalogue(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(BillableItem item) {
		jdbc.sql("""
				insert into billable_item (id, kind, nomenclature, code, owner_id, label_fr, label_en, label_nl, sample,
				                           created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(item.id(), item.kind().name(), item.nomenclature().name(), item.code(), item.ownerId(),
					item.labels().fr(), item.labels().en(), item.labels().nl(), item.sample(),
					Timestamp.from(item.createdAt()))
			.update();
	}

	void add(Tariff tariff) {
		jdbc.sql("""
				insert into tariff (id, item_id, partner_id, currency, unit_price, vat_rate, valid_from, valid_until,
				                    sample, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(tariff.id(), tariff.itemId(), tariff.partnerId(), tariff.unitPrice().currency().getCurrencyCode(),
					tariff.unitPrice().amount(), tariff.vatRate().percent(), tariff.validFrom(), tariff.validUntil(),
					tariff.sample(), Timestamp.from(tariff.createdAt()))
			.update();
	}

	Optional<BillableItem> item(UUID id) {
		return jdbc.sql("select " + ITEM_COLUMNS + " from billable_item where id = ?")
			.param(id)
			.query(Catalogue::item)
			.optional();
	}

	Optional<BillableItem> item(Nomenclature nomenclature, String code, @Nullable UUID ownerId) {
		return jdbc
			.sql("select " + ITEM_COLUMNS
					+ " from billable_item where nomenclature = ? and code = ? and owner_id is not distinct from ?")
			.params(nomenclature.name(), code, ownerId)
			.query(Catalogue::item)
			.optional();
	}

	Page<BillableItem> items(@Nullable ItemKind kind, @Nullable Nomenclature nomenclature, @Nullable String code,
			PageQuery page) {
		String where = """
				where (cast(:kind as text) is null or kind = :kind)
				  and (cast(:nomenclature as text) is null or nomenclature = :nomenclature)
				  and (cast(:code as text) is null or code = :code)
				""";
		List<BillableItem> content = jdbc
			.sql("select " + ITEM_COLUMNS + " from billable_item " + where
					+ " order by nomenclature, code, id limit :size offset :offset")
			.param("kind", kind == null ? null : kind.name())
			.param("nomenclature", nomenclature == null ? null : nomenclature.name())
			.param("code", code)
			.param("size", page.size())
			.param("offset", page.offset())
			.query(Catalogue::item)
			.list();
		long total = jdbc.sql("select count(*) from billable_item " + where)
			.param("kind", kind == null ? null : kind.name())
			.param("nomenclature", nomenclature == null ? null : nomenclature.name())
			.param("code", code)
			.query(Long.class)
			.single();
		return Page.of(content, page, total);
	}

	Optional<Tariff> tariff(UUID id) {
		return jdbc.sql("select " + TARIFF_COLUMNS + " from tariff where id = ?")
			.param(id)
			.query(Catalogue::tariff)
			.optional();
	}

	/** The partner's tariffs of an item, earliest first. */
	List<Tariff> tariffs(UUID itemId, UUID partnerId) {
		return jdbc
			.sql("select " + TARIFF_COLUMNS + " from tariff where item_id = ? and partner_id = ? order by valid_from")
			.params(itemId, partnerId)
			.query(Catalogue::tariff)
			.list();
	}

	Optional<Tariff> tariffOn(UUID itemId, UUID partnerId, LocalDate day) {
		return jdbc
			.sql("select " + TARIFF_COLUMNS + " from tariff where item_id = ? and partner_id = ? and validity @> ?")
			.params(itemId, partnerId, day)
			.query(Catalogue::tariff)
			.optional();
	}

	Page<Tariff> tariffs(@Nullable UUID partnerId, @Nullable UUID itemId, @Nullable LocalDate on, PageQuery page) {
		String where = """
				where (cast(:partnerId as uuid) is null or partner_id = :partnerId)
				  and (cast(:itemId as uuid) is null or item_id = :itemId)
				  and (cast(:on as date) is null or validity @> cast(:on as date))
				""";
		List<Tariff> content = jdbc
			.sql("select " + TARIFF_COLUMNS + " from tariff " + where
					+ " order by partner_id, item_id, valid_from limit :size offset :offset")
			.param("partnerId", partnerId)
			.param("itemId", itemId)
			.param("on", on)
			.param("size", page.size())
			.param("offset", page.offset())
			.query(Catalogue::tariff)
			.list();
		long total = jdbc.sql("select count(*) from tariff " + where)
			.param("partnerId", partnerId)
			.param("itemId", itemId)
			.param("on", on)
			.query(Long.class)
			.single();
		return Page.of(content, page, total);
	}

	private static BillableItem item(ResultSet rs, int row) throws SQLException {
		return new BillableItem(rs.getObject("id", UUID.class), ItemKind.valueOf(rs.getString("kind")),
				Nomenclature.valueOf(rs.getString("nomenclature")), rs.getString("code"),
				rs.getObject("owner_id", UUID.class),
				new Labels(rs.getString("label_fr"), rs.getString("label_en"), rs.getString("label_nl")),
				rs.getBoolean("sample"), rs.getTimestamp("created_at").toInstant());
	}

	private static Tariff tariff(ResultSet rs, int row) throws SQLException {
		Currency currency = Currency.getInstance(rs.getString("currency"));
		BigDecimal price = rs.getBigDecimal("unit_price");
		return new Tariff(rs.getObject("id", UUID.class), rs.getObject("item_id", UUID.class),
				rs.getObject("partner_id", UUID.class), new Money(price, currency),
				new VatRate(rs.getBigDecimal("vat_rate")), rs.getObject("valid_from", LocalDate.class),
				rs.getObject("valid_until", LocalDate.class), rs.getBoolean("sample"),
				rs.getTimestamp("created_at").toInstant());
	}

}

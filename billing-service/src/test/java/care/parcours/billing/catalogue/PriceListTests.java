package care.parcours.billing.catalogue;

import java.io.StringReader;
import java.util.List;

import care.parcours.platform.domain.InvalidRequestException;
import care.parcours.platform.money.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PriceListTests {

	private static final String HEADER = "kind,nomenclature,code,label_fr,label_en,label_nl,currency,unit_price,vat_rate,valid_from,valid_until\n";

	@Test
	void quotedFieldsKeepTheirCommasQuotesAndLineBreaks() {
		List<PriceListRow> rows = read(HEADER + """
				# a comment line
				MEDICAL_ACT,CCAM,NEKA020,"Prothèse de hanche, totale","Hip replacement, \"\"total\"\"","Heup,
				prothese",EUR,9800.00,,2026-01-01,
				HOTEL,PARCOURS,HOTEL-NIGHT,Nuit,Night,Nacht,EUR,120,10,2026-01-01,2026-12-31
				""");

		assertThat(rows).hasSize(2).allSatisfy(row -> assertThat(row.refusals()).isEmpty());
		PriceListRow.Price hip = rows.get(0).price();
		assertThat(hip.labels())
			.isEqualTo(new Labels("Prothèse de hanche, totale", "Hip replacement, \"total\"", "Heup,\nprothese"));
		assertThat(hip.vatRate()).isEqualTo(VatRate.EXEMPT);
		assertThat(rows.get(1).price().unitPrice()).isEqualTo(Money.of("120.00", "EUR"));
		assertThat(rows.get(1).line()).isEqualTo(5);
	}

	@Test
	void eachBadFieldOfARowIsReportedWithItsLine() {
		List<PriceListRow> rows = read(HEADER + """
				MEDICAL_ACT,CCAM,NEKA20,Hanche,Hip,Heup,EUR,9800.00,0,2026-01-01,
				HOTEL,PARCOURS,HOTEL-NIGHT,Nuit,Night,Nacht,EUX,120.00,10,2026-01-01,
				HOTEL,PARCOURS,HOTEL-NIGHT,Nuit,Night,Nacht,EUR,"120,50",45,01/01/2026,
				MEDICAL_ACT,INAMI,289073,Hanche,Hip,Heup,EUR,1650.505,21,2026-01-01,2025-12-31
				""");

		assertThat(rows.get(0).line()).isEqualTo(2);
		assertThat(rows.get(0).refusals()).singleElement()
			.satisfies(refusal -> assertThat(refusal.field()).isEqualTo("code"))
			.satisfies(refusal -> assertThat(refusal.reason()).contains("four capital letters and three digits"));
		assertThat(rows.get(1).refusals()).extracting(Refusal::field).containsExactly("currency");
		assertThat(rows.get(2).refusals()).extracting(Refusal::field)
			.containsExactly("unit_price", "vat_rate", "valid_from");
		assertThat(rows.get(3).refusals()).extracting(Refusal::field)
			.containsExactly("unit_price", "vat_rate", "valid_until");
	}

	@Test
	void aMedicalActUnderParcoursCodeOrWithVatIsRefused() {
		List<PriceListRow> rows = read(HEADER + """
				MEDICAL_ACT,PARCOURS,HIP,Hanche,Hip,Heup,EUR,10.00,0,2026-01-01,
				HOTEL,CCAM,NEKA020,Nuit,Night,Nacht,EUR,10.00,10,2026-01-01,
				STAY_NIGHT,PARCOURS,STAY-NIGHT,Nuit,Night,Nacht,EUR,450.00,20,2026-01-01,
				""");

		assertThat(rows.get(0).refusals()).isEmpty();
		assertThat(rows.get(1).refusals()).extracting(Refusal::field).containsExactly("nomenclature");
		assertThat(rows.get(2).refusals()).singleElement()
			.satisfies(refusal -> assertThat(refusal.reason()).contains("exempt from VAT"));
	}

	@Test
	void aRowWithTooFewFieldsIsRefusedAsAWhole() {
		assertThat(read(HEADER + "HOTEL,PARCOURS,HOTEL-NIGHT\n").get(0).refusals()).extracting(Refusal::field)
			.containsExactly("row");
	}

	@Test
	void aFileWithoutTheColumnsIsNotAPriceList() {
		assertThatThrownBy(() -> read("code;price\nNEKA020;10\n")).isInstanceOf(InvalidRequestException.class)
			.hasMessageContaining("the header lacks kind");
		assertThatThrownBy(() -> read("")).isInstanceOf(InvalidRequestException.class).hasMessageContaining("empty");
	}

	private static List<PriceListRow> read(String csv) {
		return PriceList.read(new StringReader(csv));
	}

}

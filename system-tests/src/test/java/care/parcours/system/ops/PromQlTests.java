package care.parcours.system.ops;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@link PromQl} takes for a metric name, and what not. */
class PromQlTests {

	@ParameterizedTest
	@CsvSource(delimiter = ';',
			textBlock = """
					up{job=~"gateway|partner-service"} == 0                                                    ; up
					sum by (application) (rate(http_server_requests_seconds_count{status=~"5..", uri!~"/actuator.*"}[5m])) ; http_server_requests_seconds_count
					histogram_quantile(0.99, sum by (application, le) (rate(x_seconds_bucket{a="b"}[$__rate_interval]))) ; x_seconds_bucket
					parcours_outbox_pending > 0 and on (job, instance) increase(parcours_outbox_relayed_total[10m]) == 0 ; parcours_outbox_pending parcours_outbox_relayed_total
					deriv(max by (application) (kafka_consumer_fetch_manager_records_lag_max)[10m:1m]) > 1e3     ; kafka_consumer_fetch_manager_records_lag_max
					sum(a_total offset 15m) without (instance) / ignoring (x) group_left (y) b                  ; a_total b
					max(jvm_memory_used_bytes{area="heap", id!="by (x)"}) / (jvm_memory_max_bytes > 0) or vector(0) ; jvm_memory_used_bytes jvm_memory_max_bytes
					sum by (application) (parcours:recorded:rate5m) unless absent(bool_metric)                ; parcours:recorded:rate5m bool_metric
					(x == 1) * 0 or (y == 1) * 2                                                                 ; x y
					""")
	void findsTheMetricNamesNotTheFunctionsLabelsOrKeywords(String expression, String names) {
		assertThat(PromQl.metricNames(PromQl.fromGrafana(expression))).containsExactly(names.split(" "));
	}

	@ParameterizedTest
	@CsvSource(delimiter = ';', textBlock = """
			rate(a[$__rate_interval])     ; rate(a[5m])
			rate(a[$__interval])          ; rate(a[5m])
			a{application=~"$application"} ; a{application=~"$application"}
			""")
	void grafanasIntervalsBecomeARange(String grafana, String prometheus) {
		assertThat(PromQl.fromGrafana(grafana)).isEqualTo(prometheus);
	}

}

package org.yigong.hub.workflow.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.yigong.hub.inbound.control.Hl7Samples;

class OrderEventTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    static String sample(String name) {
        return new String(Hl7Samples.bytes(name), StandardCharsets.UTF_8).replace("\r\n", "\r").replace('\n', '\r');
    }

    @Test
    void townshipCtOrderIsANewOrderKeyedByPlacerNumberAndTownship() {
        OrderEvent order = OrderEvent.read(sample("orm_o01_ct_chest_order.hl7"), "ORM^O01", "county-ris", SHANGHAI);

        assertThat(order.kind()).isEqualTo(OrderEvent.Kind.NEW_ORDER);
        assertThat(order.businessKey()).isEqualTo("KHZ-RIS-000781@TWN_KHZ");
        assertThat(order.service()).isEqualTo("CT0012");
        assertThat(order.serviceName()).isEqualTo("胸部CT平扫");
        assertThat(order.serviceCategory()).isEqualTo("CT");
        assertThat(order.priority()).isEqualTo("ROUTINE");
        assertThat(order.orderingDoctor()).isEqualTo("刘延超 (D0101)");
        assertThat(order.orderedAt()).isEqualTo(Instant.parse("2026-10-20T00:45:00Z"));
        assertThat(order.fillerOrder()).isNull();
    }

    @Test
    void statEcgOrderWithoutDiagnosticServiceTakesItsKindFromTheCentre() {
        String ecg = sample("orm_o01_ecg_order.hl7");
        OrderEvent order = OrderEvent.read(ecg, "ORM^O01", "county-ecg", SHANGHAI);
        assertThat(order.priority()).isEqualTo("STAT");
        assertThat(order.serviceCategory()).isEqualTo("ECG");

        OrderEvent withoutObr24 = OrderEvent.read(ecg.replace("||EC|||", "|||||"), "ORM^O01", "county-ecg", SHANGHAI);
        assertThat(withoutObr24.serviceCategory()).isEqualTo("ECG");
    }

    @Test
    void labOrderInVersion251IsALabOrder() {
        OrderEvent order = OrderEvent.read(sample("oml_o21_lab_cbc_order.hl7"), "OML^O21", "county-lis", SHANGHAI);
        assertThat(order.kind()).isEqualTo(OrderEvent.Kind.NEW_ORDER);
        assertThat(order.businessKey()).isEqualTo("KHZ-LIS-004410@TWN_KHZ");
        assertThat(order.serviceCategory()).isEqualTo("LAB");
        assertThat(order.orderedAt()).isEqualTo(Instant.parse("2026-10-21T01:12:00Z"));
    }

    @Test
    void cancellationIsKnownByItsOrderControlCode() {
        String cancel = sample("orm_o01_ct_chest_order.hl7").replace("ORC|NW|", "ORC|CA|");
        OrderEvent event = OrderEvent.read(cancel, "ORM^O01", "county-ris", SHANGHAI);
        assertThat(event.kind()).isEqualTo(OrderEvent.Kind.CANCELLATION);
        assertThat(event.businessKey()).isEqualTo("KHZ-RIS-000781@TWN_KHZ");

        String statusRequest = sample("orm_o01_ct_chest_order.hl7").replace("ORC|NW|", "ORC|SC|");
        assertThat(OrderEvent.read(statusRequest, "ORM^O01", "county-ris", SHANGHAI).kind()).isEqualTo(OrderEvent.Kind.OTHER);
    }

    @Test
    void reportIsKeyedByTheTownshipItReportsTo() {
        OrderEvent report = OrderEvent.read(sample("oru_r01_ct_report.hl7"), "ORU^R01", null, SHANGHAI);
        assertThat(report.kind()).isEqualTo(OrderEvent.Kind.REPORT);
        assertThat(report.businessKey()).isEqualTo("KHZ-RIS-000781@TWN_KHZ");
        assertThat(report.fillerOrder()).isEqualTo("A20261020-0193");
        assertThat(report.reportStatus()).isEqualTo("F");
        assertThat(report.service()).isEqualTo("CT-CHEST-PLAIN");
        assertThat(report.critical()).isFalse();
        assertThat(report.criticalFindings()).isNull();
        assertThat(report.reportedAt()).isEqualTo(Instant.parse("2026-10-20T02:12:00Z"));
    }

    @Test
    void panicFlagsMakeACriticalReportNamingEachFinding() {
        String lab = sample("oru_r01_lab_cbc_result.hl7")
                .replace("|11.8|10*9/L|3.5-9.5|H|", "|31.8|10*9/L|3.5-9.5|HH|")
                .replace("|236|10*9/L|125-350|N|", "|18|10*9/L|125-350|LL|");
        OrderEvent report = OrderEvent.read(lab, "ORU^R01", null, SHANGHAI);
        assertThat(report.critical()).isTrue();
        assertThat(report.criticalFindings()).isEqualTo("白细胞计数 31.8 10*9/L (HH); 血小板计数 18 10*9/L (LL)");

        OrderEvent merelyAbnormal = OrderEvent.read(sample("oru_r01_lab_cbc_result.hl7"), "ORU^R01", null, SHANGHAI);
        assertThat(merelyAbnormal.critical()).isFalse();
    }

    @Test
    void preliminaryAndCorrectedStatusesAreReadFromObr25() {
        String ct = sample("oru_r01_ct_report.hl7");
        assertThat(OrderEvent.read(ct.replace("||CT|F", "||CT|P"), "ORU^R01", null, SHANGHAI).reportStatus()).isEqualTo("P");
        assertThat(OrderEvent.read(ct.replace("||CT|F", "||CT|C"), "ORU^R01", null, SHANGHAI).reportStatus()).isEqualTo("C");
    }

    @Test
    void aValueBeyondTheCountysCriticalLimitsIsCriticalEvenWithoutAFlag() {
        String potassium = sample("oru_r01_lab_cbc_result.hl7")
                .replace("OBX|3|NM|PLT^血小板计数^CNTY_LIS||236|10*9/L|125-350|N|||F", "OBX|3|NM|K^血钾^CNTY_LIS||6.9|mmol/L|3.5-5.3||||F");
        OrderEvent report = OrderEvent.read(potassium, "ORU^R01", null, SHANGHAI);
        assertThat(report.critical()).isTrue();
        assertThat(report.criticalFindings()).isEqualTo("血钾 6.9 mmol/L (HH)");

        String normal = potassium.replace("|6.9|mmol/L|", "|4.1|mmol/L|");
        assertThat(OrderEvent.read(normal, "ORU^R01", null, SHANGHAI).critical()).isFalse();
    }
}

package io.github.cloudify4j.client.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class VersionTest {

    @ParameterizedTest(name = "{0} vs {1} -> {2} (server: {3})")
    @CsvSource({
            // a,           b,          compareTo sign, compareLikeServer sign
            "7.0.4,        6.4.2,       1,  1",
            "6.4.2,        7.0.4,      -1, -1",
            "7.0.4,        7.0.4,       0,  0",
            "7.0,          7.0.0,       0,  0",
            "7,            7.0.0,       0,  0",
            "5.0.5.1,      5.0.5,       1,  0",
            "5.0.5.1,      5.0.5.2,    -1,  0",
            "7.1.0.dev1,   7.1.0,       0,  0",
            "7.1.0.dev1,   7.0.4,       1,  1",
            "7.0.0-ga,     7.0.0,       0,  0",
            "6.4.0-.dev1,  6.4.0,       0,  0",
            "7.0.0rc1,     7.0.0,       0,  0",
            "6.10.0,       6.9.9,       1,  1",
            "4.0,          3.4.2,       1,  1",
            "3.4.2,        4.0.0,      -1, -1",
            "v7.0.4,       7.0.4,       0,  0",
            "' 7.0.4 ',    7.0.4,       0,  0",
            "7.0.4+build5, 7.0.4,       0,  0",
            "10.0.0,       9.99.99,     1,  1",
    })
    void comparesNumerically(String a, String b, int expected, int expectedLikeServer) {
        Version va = Version.parse(a);
        Version vb = Version.parse(b);

        assertThat(Integer.signum(va.compareTo(vb))).isEqualTo(expected);
        assertThat(Integer.signum(vb.compareTo(va))).isEqualTo(-expected);
        assertThat(Integer.signum(va.compareRelease(vb))).isEqualTo(expectedLikeServer);
        assertThat(va.isNewerThan(vb)).isEqualTo(expected > 0);
        assertThat(va.isOlderThan(vb)).isEqualTo(expected < 0);
        assertThat(va.equals(vb)).isEqualTo(expected == 0);
        if (expected == 0) {
            assertThat(va.hashCode()).isEqualTo(vb.hashCode());
        }
    }

    @Test
    void exposesComponentsQualifierAndRaw() {
        Version v = Version.parse("7.1.0.dev1");
        assertThat(v.components()).containsExactly(7, 1, 0);
        assertThat(v.qualifier()).isEqualTo("dev1");
        assertThat(v.toString()).isEqualTo("7.1.0.dev1");
        assertThat(v.toString()).isEqualTo("7.1.0.dev1");
        assertThat(List.of(v.major(), v.minor(), v.patch())).containsExactly(7, 1, 0);

        Version four = Version.parse("5.0.5.1");
        assertThat(four.components()).containsExactly(5, 0, 5, 1);
        assertThat(four.qualifier()).isEmpty();
        assertThat(Version.parse("7.0.0-ga").qualifier()).isEqualTo("ga");
        assertThat(Version.parse("7").minor()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "dev", "x.1.2", "-1", "1234567890.0"})
    void rejectsNonVersions(String text) {
        assertThatThrownBy(() -> Version.parse(text)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Version.tryParse(text)).isEmpty();
    }

    @ParameterizedTest
    @NullSource
    void nullIsANullPointer(String text) {
        assertThatThrownBy(() -> Version.parse(text))
                .isInstanceOf(NullPointerException.class).hasMessage("version == null");
        assertThat(Version.tryParse(text)).isEmpty();
        assertThatThrownBy(() -> Version.parse("7.0").compareTo(null))
                .isInstanceOf(NullPointerException.class).hasMessage("other == null");
    }
}

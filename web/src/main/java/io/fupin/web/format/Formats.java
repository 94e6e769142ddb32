package io.fupin.web.format;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/** What templates call as {@code @fmt}: money from fen, times in Asia/Shanghai. */
@Component("fmt")
public class Formats {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(SHANGHAI);

    public String yuan(long fen) {
        return Money.yuan(fen);
    }

    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    public String date(LocalDate day) {
        return day == null ? "" : day.toString();
    }

    public LocalDate today() {
        return LocalDate.now(SHANGHAI);
    }
}

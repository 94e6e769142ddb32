package io.fupin.household;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class HouseholdApplication {

    public static void main(String[] args) {
        SpringApplication.run(HouseholdApplication.class, args);
    }
}

#!/bin/bash
cp=(/opt/kafka/libs/*); cp=$(IFS=:; echo "${cp[*]}")
exec java -Xmx256m -XX:TieredStopAtLevel=1 -cp "$cp" org.apache.kafka.tools.TopicCommand "$@"

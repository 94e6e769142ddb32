package io.fupin.gateway.problem;

import io.fupin.support.problem.ProblemType;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import reactor.netty.NettyPipeline;

/**
 * What Netty's HTTP decoder cannot read (a request line or headers beyond its limits, a malformed request line)
 * never reaches a filter, and Reactor Netty answers it with an empty body. This handler, right after the decoder,
 * answers such a request with problem+json instead and closes the connection, as Reactor Netty does. The limits
 * the gateway means to enforce are lower and refused by {@code routing.RequestLimitsFilter}; this is for what is
 * larger still or unreadable.
 */
@Configuration(proxyBeanMethods = false)
class DecodingFailureProblems {

    @Bean
    NettyServerCustomizer decodingFailuresAsProblems() {
        return server -> server.doOnChannelInit((observer, channel, remoteAddress) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, "fupin.decodingFailureProblems", new Handler());
            }
        });
    }

    /** One per connection. */
    static final class Handler extends ChannelInboundHandlerAdapter {

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            if (!(message instanceof HttpRequest request) || !request.decoderResult().isFailure()) {
                context.fireChannelRead(message);
                return;
            }
            ReferenceCountUtil.release(message);
            FullHttpResponse response = responseFor(problemFor(request.decoderResult().cause()));
            context.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }

        private static ProblemDetail problemFor(Throwable cause) {
            if (cause instanceof TooLongHttpLineException) {
                return ProblemType.URI_TOO_LONG.problem("The request line is longer than the gateway reads.");
            }
            if (cause instanceof TooLongHttpHeaderException) {
                return ProblemType.HEADERS_TOO_LARGE.problem("The request's headers are larger than the gateway reads.");
            }
            return ProblemType.MALFORMED_REQUEST.problem("The request is not a readable HTTP request.");
        }

        private static FullHttpResponse responseFor(ProblemDetail problem) {
            byte[] body = io.fupin.support.problem.Problems.json(problem);
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                    HttpResponseStatus.valueOf(problem.getStatus()), Unpooled.wrappedBuffer(body));
            response.headers()
                    .set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                    .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            return response;
        }
    }
}

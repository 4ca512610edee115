%% pingpong: two Erlang processes pass a counter back and forth n times; the
%% twin of pingpong.vb (a message and its answer per round trip), for the
%% Erlang comparison at the end of bench/run.
-module(pingpong).
-export([main/1]).

pong() ->
    receive
        {From, V} ->
            From ! V + 1,
            pong()
    end.

loop(_, 0, V, Sum) -> {V, Sum};
loop(Pong, N, V, Sum) ->
    Pong ! {self(), V + 1},
    receive
        R -> loop(Pong, N - 1, R, Sum + R)
    end.

main([Size]) ->
    N = list_to_integer(Size),
    Pong = spawn(fun pong/0),
    {V, Sum} = loop(Pong, N, 0, 0),
    io:format("pingpong(~p) = ~p ~p~n", [N, V, Sum]),
    halt().

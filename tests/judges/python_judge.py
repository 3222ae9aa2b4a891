"""Judge scenarios for the Python clients (Telethon, Irenogram), run by tests/judges/python_test.ts
in ONE process per library (Python starts slowly): for each transport, a bot logs in with its
token and calls get_me, a user logs in with phone + code, a user with 2FA (the client's own SRP),
the user messages the bot and the bot's handler receives it, a client restarted from the
exported session string is authorized without logging in, and accounts homed on DC 4 / DC 3 log
in after PHONE_MIGRATE / USER_MIGRATE.

    python python_judge.py telethon|irenogram   (config as JSON on stdin's first line)

Each result is one JSON line on stdout: {"transport", "step", "ok", "detail"}. Before a restart
and after it, it prints {"mark": transport} / {"mark": transport + ":end"} and waits for a line on
stdin, so that the test knows which API calls the restart made (none may be a login)."""
import asyncio
import builtins
import json
import sys

CONFIG = json.loads(sys.stdin.readline())
LIBRARY = sys.argv[1]


def emit(**fields):
    print(json.dumps(fields), flush=True)


def no_prompt(*_args, **_kwargs):
    # A client that falls back to asking for input has lost its session: fail at once.
    raise RuntimeError("the client asked for input")


builtins.input = no_prompt


async def sync_point(transport):
    emit(mark=transport)
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline)


async def wait_for(predicate, seconds, what):
    for _ in range(int(seconds * 20)):
        if predicate():
            return
        await asyncio.sleep(0.05)
    raise TimeoutError(f"timed out waiting for {what}")


# ----------------------------------------------------------------------------------------------
# Telethon

async def telethon_run(transport):
    from telethon import TelegramClient, events
    from telethon.crypto import rsa
    from telethon.network import connection as conn
    from telethon.sessions import StringSession

    rsa.add_key(CONFIG["pem"], old=False)
    connection = {"full": conn.ConnectionTcpFull, "obfuscated": conn.ConnectionTcpObfuscated,
                  "intermediate": conn.ConnectionTcpIntermediate}[transport]
    host, port = CONFIG["host"], CONFIG["ports"]["2"]

    def client(saved=None):
        session = StringSession(saved)
        if saved is None:
            session.set_dc(2, host, port)
        return TelegramClient(session, CONFIG["apiId"], CONFIG["apiHash"], connection=connection,
                              connection_retries=1, retry_delay=0, request_retries=1,
                              receive_updates=True)

    clients = []
    try:
        bot = client()
        clients.append(bot)
        await bot.start(bot_token=CONFIG["bot"]["token"])
        me = await bot.get_me()
        emit(transport=transport, step="bot getMe", ok=me.id == CONFIG["bot"]["userId"] and me.bot,
             detail=me.username)
        received = []
        bot.add_event_handler(lambda e: received.append(e.raw_text), events.NewMessage)

        user = client()
        clients.append(user)
        await user.start(phone=lambda: CONFIG["user"]["phone"], code_callback=lambda: CONFIG["user"]["code"])
        me = await user.get_me()
        emit(transport=transport, step="user login", ok=me.id == CONFIG["user"]["userId"], detail=me.first_name)

        carol = client()
        clients.append(carol)
        await carol.start(phone=lambda: CONFIG["user2fa"]["phone"],
                          code_callback=lambda: CONFIG["user2fa"]["code"],
                          password=lambda: CONFIG["user2fa"]["password"])
        me = await carol.get_me()
        emit(transport=transport, step="2fa login", ok=me.id == CONFIG["user2fa"]["userId"], detail=me.first_name)

        text = f"hello bot over {transport}"
        await user.send_message(CONFIG["bot"]["username"], text)
        await wait_for(lambda: text in received, 10, "the bot's update")
        emit(transport=transport, step="message as update", ok=True, detail=text)

        saved = user.session.save()
        await user.disconnect()
        await sync_point(transport)
        again = client(saved)
        clients.append(again)
        await again.connect()
        authorized = await again.is_user_authorized()
        me = await again.get_me()
        await sync_point(transport + ":end")
        emit(transport=transport, step="restart", ok=authorized and me.id == CONFIG["user"]["userId"],
             detail=str(authorized))

        far = client()
        clients.append(far)
        await far.start(phone=lambda: CONFIG["far"]["phone"], code_callback=lambda: CONFIG["far"]["code"])
        far_bot = client()
        clients.append(far_bot)
        await far_bot.start(bot_token=CONFIG["farBot"]["token"])
        ok = (await far.get_me()).id == CONFIG["far"]["userId"] and \
            (await far_bot.get_me()).id == CONFIG["farBot"]["userId"]
        emit(transport=transport, step="migrate", ok=ok, detail="")
    finally:
        for c in clients:
            await c.disconnect()


# ----------------------------------------------------------------------------------------------
# Irenogram (Pyrogram)

def irenogram_patch():
    from pyrogram import types
    from pyrogram.crypto import rsa
    from pyrogram.session.internals import data_center

    # Irenogram 2.3.90's own bug, on any server: get_me() (which start() calls) parses
    # users.getFullUser through User._parse_full, which calls ChatSettings._parse and
    # ChatTheme._parse with the wrong arguments and raises TypeError. The judge gives get_me its
    # classic Pyrogram form (users.getUsers([self])); login, SRP, updates and sessions are untouched.
    from pyrogram import Client, raw

    async def get_me(self):
        users = await self.invoke(raw.functions.users.GetUsers(id=[raw.types.InputUserSelf()]))
        return types.User._parse(self, users[0])

    Client.get_me = get_me

    # And every incoming message: Message._parse_message passes guest_query_id=..., which
    # Message.__init__ does not take (TypeError, so no handler ever runs). The judge keeps the
    # value as an attribute instead.
    init = types.Message.__init__

    def message_init(self, *args, guest_query_id=None, **kwargs):
        init(self, *args, **kwargs)
        self.guest_query_id = guest_query_id

    types.Message.__init__ = message_init

    rsa.server_public_keys[int(CONFIG["fingerprint"])] = rsa.PublicKey(int(CONFIG["modulus"], 16), 65537)
    ports = {int(k): v for k, v in CONFIG["ports"].items()}

    def address(cls, dc_id, test_mode, ipv6, alt_port, media):
        return CONFIG["host"], ports[dc_id]

    data_center.DataCenter.__new__ = address


async def irenogram_run(transport):
    from pyrogram import Client
    from pyrogram.connection.transport import TCPAbridged, TCPFull, TCPIntermediateO
    from pyrogram.handlers import MessageHandler

    factory = {"abridged": TCPAbridged, "full": TCPFull, "obfuscated": TCPIntermediateO}[transport]
    common = dict(api_id=CONFIG["apiId"], api_hash=CONFIG["apiHash"], in_memory=True,
                  protocol_factory=factory, no_updates=False)
    clients = []

    async def start(name, **kwargs):
        c = Client(f"{name}_{transport}", **common, **kwargs)
        clients.append(c)
        await c.start()
        return c

    try:
        bot = await start("bot", bot_token=CONFIG["bot"]["token"])
        me = await bot.get_me()
        emit(transport=transport, step="bot getMe", ok=me.id == CONFIG["bot"]["userId"] and me.is_bot,
             detail=me.username)
        received = []

        async def on_message(_client, message):
            received.append(message.text)

        bot.add_handler(MessageHandler(on_message))

        user = await start("user", phone_number=CONFIG["user"]["phone"], phone_code=CONFIG["user"]["code"])
        me = await user.get_me()
        emit(transport=transport, step="user login", ok=me.id == CONFIG["user"]["userId"], detail=me.first_name)

        carol = await start("carol", phone_number=CONFIG["user2fa"]["phone"],
                            phone_code=CONFIG["user2fa"]["code"], password=CONFIG["user2fa"]["password"])
        me = await carol.get_me()
        emit(transport=transport, step="2fa login", ok=me.id == CONFIG["user2fa"]["userId"], detail=me.first_name)

        text = f"hello bot over {transport}"
        await user.send_message(CONFIG["bot"]["username"], text)
        await wait_for(lambda: text in received, 10, "the bot's update")
        emit(transport=transport, step="message as update", ok=True, detail=text)

        saved = await user.export_session_string()
        await user.stop()
        clients.remove(user)
        await sync_point(transport)
        again = await start("again", session_string=saved)
        me = await again.get_me()
        await sync_point(transport + ":end")
        emit(transport=transport, step="restart", ok=me.id == CONFIG["user"]["userId"], detail=me.first_name)

        far = await start("far", phone_number=CONFIG["far"]["phone"], phone_code=CONFIG["far"]["code"])
        far_bot = await start("far_bot", bot_token=CONFIG["farBot"]["token"])
        ok = (await far.get_me()).id == CONFIG["far"]["userId"] and \
            (await far_bot.get_me()).id == CONFIG["farBot"]["userId"]
        emit(transport=transport, step="migrate", ok=ok, detail="")
    finally:
        for c in clients:
            try:
                await c.stop()
            except Exception:
                pass


async def main():
    if LIBRARY == "irenogram":
        irenogram_patch()
    run = {"telethon": telethon_run, "irenogram": irenogram_run}[LIBRARY]
    for transport in CONFIG["transports"]:
        try:
            await asyncio.wait_for(run(transport), 60)
        except BaseException as e:  # reported, then the next transport
            emit(transport=transport, step="error", ok=False, detail=f"{type(e).__name__}: {e}")
    emit(done=True)


asyncio.run(main())

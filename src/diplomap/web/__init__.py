"""The local web app over a diplomap database: ``create_app(db)`` for ASGI, ``serve(db)`` to run it.

FastAPI and uvicorn come with the ``web`` extra (pip install 'diplomap[web]').
"""

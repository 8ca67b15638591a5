window.YTD.direct_messages_group.part0 = [
  {
    "dmConversation" : {
      "conversationId" : "1771234567890123456",
      "messages" : [
        {
          "messageCreate" : {
            "reactions" : [ ],
            "urls" : [ ],
            "text" : "Count me in.",
            "mediaUrls" : [ ],
            "senderId" : "3057712946",
            "id" : "2035261455594422306",
            "createdAt" : "2026-03-21T07:45:19.000Z"
          }
        },
        {
          "messageCreate" : {
            "reactions" : [ ],
            "urls" : [ ],
            "text" : "Same. I'll bring snacks.",
            "mediaUrls" : [ ],
            "senderId" : "887412563",
            "id" : "2035061315990454305",
            "createdAt" : "2026-03-20T18:30:02.000Z"
          }
        },
        {
          "messageCreate" : {
            "reactions" : [ ],
            "urls" : [ ],
            "text" : "Works for me.",
            "mediaUrls" : [ ],
            "senderId" : "2873301945",
            "id" : "2035056962302902304",
            "createdAt" : "2026-03-20T18:12:44.000Z"
          }
        },
        {
          "messageCreate" : {
            "reactions" : [ ],
            "urls" : [ ],
            "text" : "Reading group! Chapter 4 next Friday?",
            "mediaUrls" : [ ],
            "senderId" : "1250094817",
            "id" : "2035053778826166303",
            "createdAt" : "2026-03-20T18:00:05.000Z"
          }
        },
        {
          "joinConversation" : {
            "initiatingUserId" : "1250094817",
            "participantsSnapshot" : [
              "887412563",
              "1250094817",
              "2873301945",
              "3057712946"
            ],
            "createdAt" : "2026-03-20T18:00:00.000Z"
          }
        }
      ]
    }
  }
]
window.YTD.direct_messages.part0 = [
  {
    "dmConversation" : {
      "conversationId" : "1700000000000000001-1700000000000000002",
      "messages" : [
        {
          "messageCreate" : {
            "recipientId" : "1700000000000000001",
            "reactions" : [ ],
            "urls" : [ ],
            "text" : "Thanks, the slides are great",
            "mediaUrls" : [ ],
            "senderId" : "1700000000000000002",
            "id" : "1850000000000000002",
            "createdAt" : "2025-01-14T16:20:00.000Z",
            "editHistory" : [ ]
          }
        },
        {
          "messageCreate" : {
            "recipientId" : "1700000000000000002",
            "reactions" : [ ],
            "urls" : [ ],
            "text" : "Here are the slides from today",
            "mediaUrls" : [ ],
            "senderId" : "1700000000000000001",
            "id" : "1850000000000000001",
            "createdAt" : "2025-01-14T15:02:31.120Z",
            "editHistory" : [ ]
          }
        }
      ]
    }
  }
]
